#!/usr/bin/env node
// A minimal synthetic blog for the performance benchmarks, used when
// bench/generate.mjs (the shared generator of the build-speed benchmark) is
// not there: N posts of about 1,000 words (headings, lists, code, quotes,
// links, footnotes, a table now and then), 40 tags, spread over 10 years.
// Deterministic for a seed.
//
//   node bench/corpus.mjs --posts N --out DIR [--seed S]
//
// Writes DIR/site.yaml and DIR/posts/YYYY-MM-DD-<slug>.md.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** mulberry32. @param {number} seed */
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

const WORDS = `the of and to in is that for it as with was on be by this are from or have an which one
all were there their will when would more if out so what up about into than them can only other new some
could time these two may then first any now such like over even most made after also did many before must
through back years where much way well down should because each just those people how little state good
very make world still own see work long here between both life being under never day same another know
while last might great old year off come since against right used take three build render markdown core
browser static page feed tag archive month post reader author bundle module compile native assembly parser
footnote heading table list code link image layout theme server cache deploy host route path query search
index summary draft date title slug value option error warning test speed memory thread file output input`
  .split(/\s+/).filter(Boolean);

const TAGS = ['cpp', 'wasm', 'web', 'design', 'notes', 'links', 'guide', 'release', 'performance', 'security',
  'css', 'javascript', 'rust', 'go', 'python', 'databases', 'networking', 'linux', 'debian', 'tools',
  'testing', 'accessibility', 'typography', 'writing', 'books', 'music', 'travel', 'photography', 'cooking',
  'garden', 'hardware', 'keyboards', 'editors', 'git', 'compilers', 'parsing', 'math', 'history', 'science', 'meta'];

/**
 * Writes a content folder with `posts` posts.
 * @param {{dir: string, posts: number, seed?: number, years?: number, siteYaml?: string}} options
 *   siteYaml: extra lines for site.yaml (e.g. "split_bundle_over: 500")
 * @returns {Promise<{posts: number, words: number}>}
 */
export async function generateContent({ dir, posts, seed = 42, years = 10, siteYaml = '' }) {
  const rnd = random(seed);
  const pick = (/** @type {string[]} */ list) => list[Math.floor(rnd() * list.length)];
  const between = (/** @type {number} */ lo, /** @type {number} */ hi) => lo + Math.floor(rnd() * (hi - lo + 1));
  const words = (/** @type {number} */ n) => Array.from({ length: n }, () => pick(WORDS));
  const sentence = () => {
    const w = words(between(8, 18));
    const r = rnd();
    if (r < 0.08) w[1] = `*${w[1]}*`;
    else if (r < 0.14) w[2] = `**${w[2]}**`;
    else if (r < 0.2) w[3] = `\`${w[3]}()\``;
    else if (r < 0.26) w[4] = `[${w[4]} ${w[5]}](https://example.org/${w[4]}/${w[5]})`;
    const s = w.join(' ');
    return `${s[0].toUpperCase()}${s.slice(1)}.`;
  };
  const paragraph = (/** @type {number} */ n) => Array.from({ length: n }, sentence).join(' ');
  const count = (/** @type {string} */ s) => s.split(/\s+/).filter(Boolean).length;

  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  await writeFile(path.join(dir, 'site.yaml'), ['title: "Benchmark blog"',
    'description: "A synthetic blog for benchmarks."', 'author: "Bench Marker"',
    'url: "https://bench.example"', 'posts_per_page: 10', siteYaml, ''].join('\n'));
  const start = Date.UTC(2015, 0, 1);
  const span = years * 365.25 * 86400e3;
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  let total = 0;
  for (let i = 0; i < posts; i += 1) {
    const when = new Date(start + (span * i) / posts + Math.floor(rnd() * 3 * 3600e3));
    const day = `${when.getUTCFullYear()}-${pad(when.getUTCMonth() + 1)}-${pad(when.getUTCDate())}`;
    const date = `${day}T${pad(when.getUTCHours())}:${pad(when.getUTCMinutes())}:00+00:00`;
    const tags = [...new Set(Array.from({ length: between(1, 3) }, () => pick(TAGS)))];
    const title = words(between(3, 8)).join(' ');
    const slug = `${title.split(' ').slice(0, 4).join('-')}-${i + 1}`;
    const parts = [paragraph(4)];
    let notes = 0;
    for (let section = 1; count(parts.join(' ')) < 1000; section += 1) {
      parts.push(`## ${words(between(2, 5)).join(' ')} ${section}`, paragraph(between(3, 6)));
      const kind = section % 5;
      if (kind === 1) {
        const ordered = rnd() < 0.4;
        parts.push(Array.from({ length: between(3, 6) }, (_, k) => `${ordered ? `${k + 1}.` : '-'} ${words(between(4, 10)).join(' ')}`).join('\n'));
      } else if (kind === 2) {
        parts.push(['```cpp', `int ${pick(WORDS)}(int n) {`, `  // ${words(6).join(' ')}`, `  return n * ${between(2, 9)};`, '}', '```'].join('\n'));
      } else if (kind === 3) {
        notes += 1;
        const tag = pick(TAGS);
        parts.push(`${paragraph(2)} See [the ${tag} tag](/tags/${tag}/) too[^${notes}].`);
      } else if (kind === 4) {
        parts.push(['| name | value | note |', '| --- | ---: | --- |',
          ...Array.from({ length: between(2, 4) }, () => `| ${pick(WORDS)} | ${between(1, 999)} | ${words(3).join(' ')} |`)].join('\n'));
      } else {
        parts.push(`> ${paragraph(2)}`);
      }
      parts.push(paragraph(between(2, 5)));
    }
    for (let k = 1; k <= notes; k += 1) parts.push(`[^${k}]: ${sentence()}`);
    const body = `${parts.join('\n\n')}\n`;
    total += count(body);
    const front = ['---', `title: "${title[0].toUpperCase()}${title.slice(1)}"`, `date: ${date}`,
      `tags: [${tags.join(', ')}]`, '---', ''].join('\n');
    await writeFile(path.join(dir, 'posts', `${day}-${slug}.md`), front + body);
  }
  return { posts, words: total };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  /** @param {string} name @param {string} [fallback] */
  const opt = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : fallback;
  };
  const dir = opt('--out') ?? args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: node bench/corpus.mjs --posts N --out DIR [--seed S]\n');
    process.exit(2);
  }
  const result = await generateContent({ dir, posts: Number(opt('--posts', '100')), seed: Number(opt('--seed', '42')) });
  process.stdout.write(`${result.posts} posts, ${result.words} words in ${dir}\n`);
}
