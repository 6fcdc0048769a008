#!/usr/bin/env node
// A synthetic blog for benchmarks: N posts of about 1,000 words each, with
// headings, lists, code, links and footnotes, 40 tags, spread over 10 years.
// Deterministic: the same seed and N give the same files.
//
//   node bench/generate.mjs <out-dir> [--posts N] [--seed S]
//
// Writes <out-dir>/site.yaml and <out-dir>/posts/YYYY-MM-DD-<slug>.md, the
// content layout `quire build` reads (Hugo reads the same front matter).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32: a small, fast, seedable PRNG. @param {number} seed */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WORDS = (`the a of to and in that is for it as with was on be by this are from or have an they which
one you were all we her she there would their will when who him been has more if no out so said what up its
about into than them can only other new some could time these two may then do first any my now such like our
over man me even most made after also did many before must through back years where much your way well down
should because each just those people how too little state good very make world still own see men work long get
here between both life being under never day same another know while last might us great old year off come since
against go came right used take three build render markdown core browser static page feed tag archive month
post reader author bundle module compile native web assembly parser footnote heading table list code link
image layout theme server cache deploy host domain route path query search index summary draft date title
slug value option error warning test bench speed memory thread file folder output input format version`)
  .split(/\s+/).filter(Boolean);

const TAG_WORDS = ['cpp', 'wasm', 'web', 'design', 'notes', 'links', 'guide', 'release', 'performance', 'security',
  'css', 'javascript', 'rust', 'go', 'python', 'databases', 'networking', 'linux', 'debian', 'tools',
  'testing', 'accessibility', 'typography', 'writing', 'books', 'music', 'travel', 'photography', 'cooking', 'garden',
  'hardware', 'keyboards', 'editors', 'git', 'compilers', 'parsing', 'math', 'history', 'science', 'meta'];

/**
 * @param {() => number} rnd
 * @param {number} min @param {number} max  inclusive
 */
const between = (rnd, min, max) => min + Math.floor(rnd() * (max - min + 1));
/** @template T @param {() => number} rnd @param {T[]} list @returns {T} */
const pick = (rnd, list) => list[Math.floor(rnd() * list.length)];

/** @param {() => number} rnd @param {number} n */
function words(rnd, n) {
  const out = [];
  for (let i = 0; i < n; i += 1) out.push(pick(rnd, WORDS));
  return out;
}

/** A sentence with now and then emphasis, code or a link. @param {() => number} rnd */
function sentence(rnd) {
  const w = words(rnd, between(rnd, 8, 18));
  const r = rnd();
  if (r < 0.08) w[1] = `*${w[1]}*`;
  else if (r < 0.14) w[2] = `**${w[2]}**`;
  else if (r < 0.2) w[3] = `\`${w[3]}()\``;
  else if (r < 0.26) w[4] = `[${w[4]} ${w[5]}](https://example.org/${w[4]}/${w[5]})`;
  const text = w.join(' ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}

/** @param {() => number} rnd @param {number} sentences */
function paragraph(rnd, sentences) {
  const out = [];
  for (let i = 0; i < sentences; i += 1) out.push(sentence(rnd));
  return out.join(' ');
}

/** Counts the words of a markdown text, roughly as readers would. @param {string} text */
const wordCount = (text) => text.split(/\s+/).filter(Boolean).length;

/**
 * One post's markdown body, about `target` words.
 * @param {() => number} rnd
 * @param {number} target
 * @param {string[]} tagSlugs  for internal links
 */
function body(rnd, target, tagSlugs) {
  const parts = [paragraph(rnd, 4)];
  let notes = 0;
  let section = 0;
  while (wordCount(parts.join(' ')) < target) {
    section += 1;
    parts.push(`## ${words(rnd, between(rnd, 2, 5)).join(' ')} ${section}`);
    parts.push(paragraph(rnd, between(rnd, 3, 6)));
    const kind = section % 4;
    if (kind === 1) {
      const items = between(rnd, 3, 6);
      const ordered = rnd() < 0.4;
      parts.push(Array.from({ length: items }, (_, i) => `${ordered ? `${i + 1}.` : '-'} ${words(rnd, between(rnd, 4, 10)).join(' ')}`).join('\n'));
    } else if (kind === 2) {
      const name = pick(rnd, WORDS);
      parts.push(['```cpp', `int ${name}(int n) {`, `  // ${words(rnd, 6).join(' ')}`, `  return n * ${between(rnd, 2, 9)};`, '}', '```'].join('\n'));
    } else if (kind === 3) {
      notes += 1;
      const tag = pick(rnd, tagSlugs);
      parts.push(`${paragraph(rnd, 2)} See [the ${tag} tag](/tags/${tag}/) too[^${notes}].`);
    } else {
      parts.push(`> ${paragraph(rnd, 2)}`);
    }
    parts.push(paragraph(rnd, between(rnd, 2, 5)));
  }
  for (let i = 1; i <= notes; i += 1) parts.push(`[^${i}]: ${sentence(rnd)}`);
  return `${parts.join('\n\n')}\n`;
}

const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');

/**
 * Writes a synthetic content folder.
 * @param {{dir: string, posts: number, seed?: number, years?: number}} options
 * @returns {Promise<{posts: number, words: number}>}
 */
export async function generateContent({ dir, posts, seed = 42, years = 10 }) {
  const rnd = random(seed);
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  await writeFile(path.join(dir, 'site.yaml'), [
    'title: "Benchmark blog"',
    'description: "A synthetic blog for build-speed benchmarks."',
    'author: "Bench Marker"',
    'url: "https://bench.example"',
    'posts_per_page: 10',
    '',
  ].join('\n'));
  const start = Date.UTC(2015, 0, 1);
  const span = years * 365.25 * 24 * 3600 * 1000;
  let total = 0;
  const batch = [];
  for (let i = 0; i < posts; i += 1) {
    // Evenly spread, with a jitter of up to a few hours (never reordering).
    const when = new Date(start + (span * i) / posts + Math.floor(rnd() * 3 * 3600 * 1000));
    const day = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`;
    const date = `${day}T${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:00+00:00`;
    const tags = [...new Set(Array.from({ length: between(rnd, 1, 3) }, () => pick(rnd, TAG_WORDS)))];
    const title = words(rnd, between(rnd, 3, 8)).join(' ');
    const slug = `${title.split(' ').slice(0, 4).join('-')}-${i + 1}`;
    const text = body(rnd, 1000, TAG_WORDS);
    total += wordCount(text);
    const file = [
      '---',
      `title: "${title[0].toUpperCase()}${title.slice(1)}"`,
      `date: ${date}`,
      `tags: [${tags.join(', ')}]`,
      '---',
      '',
      text,
    ].join('\n');
    batch.push(writeFile(path.join(dir, 'posts', `${day}-${slug}.md`), file));
    if (batch.length >= 256) await Promise.all(batch.splice(0));
  }
  await Promise.all(batch);
  return { posts, words: total };
}

async function main() {
  const args = process.argv.slice(2);
  const dir = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const option = (/** @type {string} */ name, /** @type {number} */ fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  if (!dir || args.includes('--help')) {
    console.log('Usage: node bench/generate.mjs <out-dir> [--posts N] [--seed S]');
    process.exitCode = dir ? 0 : 2;
    return;
  }
  const posts = option('--posts', 1000);
  const seed = option('--seed', 42);
  if (!Number.isInteger(posts) || posts < 0 || !Number.isInteger(seed)) {
    console.error('generate: --posts and --seed take whole numbers');
    process.exitCode = 2;
    return;
  }
  const made = await generateContent({ dir, posts, seed });
  console.log(`generate: ${made.posts} posts, ${made.words} words (${Math.round(made.words / Math.max(1, made.posts))} a post) in ${dir}`);
}

const invokedDirectly = process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url;
if (invokedDirectly) main();
