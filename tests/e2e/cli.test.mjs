// The quire command as authors use it: exit codes, messages with file:line,
// publishing rules, `quire new`, progress and the summary line, and a failed
// build leaving the previous output alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { contentDir, readBundle, repoRoot } from './helpers.mjs';

const cli = path.join(repoRoot, 'build/native/quire');

/** @param {string[]} args @param {object} [options] */
function quire(args, options = {}) {
  return spawnSync(cli, args, { encoding: 'utf8', ...options });
}

const site = 'title: "CLI test"\nurl: "https://cli.example"\n';
/** @param {string} title @param {string} date @param {string} [extra] @param {string} [body] */
const post = (title, date, extra = '', body = 'Some text.\n') =>
  `---\ntitle: "${title}"\ndate: ${date}\n${extra}---\n\n${body}`;

test('a good build exits 0 and ends with one summary line', async () => {
  const c = await contentDir({ 'site.yaml': site, 'posts/2022-01-01-a.md': post('A', '2022-01-01', 'tags: [x]\n') });
  try {
    const r = quire(['build', c.dir, '-o', c.out]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stdout.trim().split('\n');
    assert.equal(lines.length, 1);
    assert.match(lines[0], /^quire: built .*dist: 1 posts, 1 tags, 1 months; \d+ pages, \d+ files, [\d.]+ KB in [\d.]+ s$/);
    assert.equal(r.stderr, '');
    assert.ok(existsSync(path.join(c.out, 'posts/a/index.html')));
  } finally {
    await c.remove();
  }
});

test('content errors exit 1, name file and line with a hint, and leave the previous dist untouched', async () => {
  const c = await contentDir({
    'site.yaml': site,
    'posts/2022-01-01-a.md': post('A', '2022-01-01'),
    'posts/2022-01-02-b.md': post('B', '2022-01-02'),
  });
  try {
    assert.equal(quire(['build', c.dir, '-o', c.out]).status, 0);
    const before = await readFile(path.join(c.out, 'bundle.json'), 'utf8');
    const listing = (await readdir(c.out, { recursive: true })).sort();

    await writeFile(path.join(c.dir, 'posts/2022-01-02-b.md'), post('B', 'yesterday'));
    // Not dated by its name: a dated name would give the title (Jekyll's way).
    await writeFile(path.join(c.dir, 'posts/c.md'), '---\ndate: 2022-01-03\n---\nNo title.\n');
    await writeFile(path.join(c.dir, 'posts/2022-01-04-d.md'), post('D', '2022-01-04', 'slug: a\n'));
    const r = quire(['build', c.dir, '-o', c.out]);
    assert.equal(r.status, 1);
    const b = path.join(c.dir, 'posts/2022-01-02-b.md');
    const cFile = path.join(c.dir, 'posts/c.md');
    const d = path.join(c.dir, 'posts/2022-01-04-d.md');
    assert.ok(r.stderr.includes(`${b}:3: date: expected YYYY-MM-DD, or YYYY-MM-DD HH:MM[:SS] with an optional offset (Z, +01:00, -0700), got "yesterday"`), r.stderr);
    assert.ok(r.stderr.includes(`${cFile}:2: title: missing (every post needs a title)`), r.stderr);
    assert.ok(r.stderr.includes(`${d}:4: slug "a" is already used by`), r.stderr);
    assert.match(r.stderr, /set a different slug/);
    assert.match(r.stderr, /quire: 3 errors\n/);
    assert.match(r.stderr, /nothing written; .* is unchanged/);
    assert.equal(r.stdout, '');

    assert.equal(await readFile(path.join(c.out, 'bundle.json'), 'utf8'), before);
    assert.deepEqual((await readdir(c.out, { recursive: true })).sort(), listing);
    assert.deepEqual(await readdir(c.parent), ['content', 'dist'], 'no temporary directories left behind');
  } finally {
    await c.remove();
  }
});

test('a build that cannot write exits 2 and leaves the previous dist untouched', async () => {
  const c = await contentDir({ 'site.yaml': site, 'posts/2022-01-01-a.md': post('A', '2022-01-01') });
  try {
    assert.equal(quire(['build', c.dir, '-o', c.out]).status, 0);
    const before = await readFile(path.join(c.out, 'bundle.json'), 'utf8');
    // The app's files are missing: the build fails half-way through writing.
    const r = quire(['build', c.dir, '-o', c.out], { env: { ...process.env, QUIRE_WEB_DIR: path.join(c.parent, 'nowhere') } });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /quire: build failed: .*nowhere\/app\.js: cannot read/);
    assert.match(r.stderr, /is unchanged/);
    assert.equal(await readFile(path.join(c.out, 'bundle.json'), 'utf8'), before);
    assert.deepEqual(await readdir(c.parent), ['content', 'dist']);
  } finally {
    await c.remove();
  }
});

test('usage errors exit 2 with the usage text', () => {
  for (const args of [[], ['frobnicate'], ['build', '--nope'], ['build', 'a', 'b'], ['new']]) {
    const r = quire(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^quire: .+\n\nusage: quire <command>/, args.join(' '));
  }
  assert.equal(quire(['build', path.join(tmpdir(), 'quire-no-such-dir')]).status, 1);
});

test('an unknown site.yaml key is a warning with file:line and a did-you-mean hint', async () => {
  const c = await contentDir({
    'site.yaml': `${site}titel: "Oops"\nfeed_entries: 5\nzzz: 1\n`,
    'posts/2022-01-01-a.md': post('A', '2022-01-01'),
  });
  try {
    const r = quire(['check', c.dir]);
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(c.dir, 'site.yaml');
    assert.ok(r.stderr.includes(`${file}:3: unknown key "titel" ignored (did you mean "title"?) (warning)`), r.stderr);
    assert.ok(r.stderr.includes(`${file}:5: unknown key "zzz" ignored (known keys: title,`), r.stderr);
    assert.match(r.stderr, /feed_entries, split_bundle_over, timezone, permalink, menu, taxonomies, categories, old_feeds, smart_punctuation, toc_min_headings, math, hard_breaks, redirects, future\)/, 'the known-key list names every key');
    assert.doesNotMatch(r.stderr, /"feed_entries" ignored/);
  } finally {
    await c.remove();
  }
});

test('raw HTML the allow-list removes is a warning per file, and once the setting that keeps it', async () => {
  const c = await contentDir({
    'site.yaml': site,
    'posts/2022-01-01-a.md': post('A', '2022-01-01', '', '<style>p { color: red }</style>\n\nText.\n'),
    'posts/2022-01-02-b.md': post('B', '2022-01-02', '', '<svg width="10"><circle r="4"/></svg>\n\nMore.\n'),
  });
  try {
    const r = quire(['check', c.dir]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /2022-01-01-a\.md:\d+: raw HTML: 1 removed \(not on the allow-list\): <style> and its content/);
    assert.ok(r.stderr.includes('quire: raw HTML was removed from 2 files (above); unsafe_html: true in site.yaml keeps it'), r.stderr);
    await writeFile(path.join(c.dir, 'site.yaml'), `${site}unsafe_html: true\n`);
    const trusted = quire(['check', c.dir]);
    assert.equal(trusted.status, 0, trusted.stderr);
    assert.doesNotMatch(trusted.stderr, /raw HTML/);
  } finally {
    await c.remove();
  }
});

test('bad site.yaml values are errors with file:line', async () => {
  const c = await contentDir({ 'site.yaml': `${site}feed_entries: lots\nbase_path: "/a b/"\n` });
  try {
    const r = quire(['check', c.dir]);
    assert.equal(r.status, 1);
    const file = path.join(c.dir, 'site.yaml');
    assert.ok(r.stderr.includes(`${file}:3: feed_entries: expected a whole number from 1 to 1000, got "lots"`), r.stderr);
    assert.ok(r.stderr.includes(`${file}:4: base_path: expected a path like /blog/`), r.stderr);
  } finally {
    await c.remove();
  }
});

test('drafts and future posts are left out unless --drafts and --future', async () => {
  const c = await contentDir({
    'site.yaml': site,
    'posts/2022-01-01-live.md': post('Live', '2022-01-01'),
    'posts/2022-01-02-draft.md': post('Draft', '2022-01-02', 'draft: true\n'),
    'posts/2999-01-01-future.md': post('Future', '2999-01-01T10:00:00+00:00'),
  });
  try {
    const r = quire(['build', c.dir, '-o', c.out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /1 posts, .*1 draft left out, 1 future post left out;/);
    let bundle = JSON.parse(await readFile(path.join(c.out, 'bundle.json'), 'utf8'));
    assert.deepEqual(bundle.posts.map((p) => p.slug), ['live']);
    assert.ok(!existsSync(path.join(c.out, 'posts/draft')));
    assert.ok(!existsSync(path.join(c.out, 'posts/future')));
    assert.doesNotMatch(await readFile(path.join(c.out, 'feed.xml'), 'utf8'), /Draft|Future/);
    assert.doesNotMatch(await readFile(path.join(c.out, 'sitemap.xml'), 'utf8'), /draft|future/);

    const both = quire(['build', c.dir, '-o', c.out, '--drafts', '--future']);
    assert.equal(both.status, 0, both.stderr);
    bundle = JSON.parse(await readFile(path.join(c.out, 'bundle.json'), 'utf8'));
    assert.deepEqual(bundle.posts.map((p) => p.slug), ['future', 'draft', 'live']);
    assert.ok(existsSync(path.join(c.out, 'posts/draft/index.html')));
    assert.ok(existsSync(path.join(c.out, 'posts/future/index.html')));

    const drafts = quire(['build', c.dir, '-o', c.out, '--drafts']);
    bundle = JSON.parse(await readFile(path.join(c.out, 'bundle.json'), 'utf8'));
    assert.deepEqual(bundle.posts.map((p) => p.slug), ['draft', 'live']);
    assert.match(drafts.stdout, /1 future post left out/);
  } finally {
    await c.remove();
  }
});

test('an updated date shows on the post page, in the feeds and in the sitemap', async () => {
  const c = await contentDir({
    'site.yaml': site,
    'posts/2022-01-01-a.md': post('A', '2022-01-01T09:00:00+02:00', 'updated: 2023-05-06T07:08:09+02:00\n'),
  });
  try {
    assert.equal(quire(['build', c.dir, '-o', c.out]).status, 0);
    const page = await readFile(path.join(c.out, 'posts/a/index.html'), 'utf8');
    assert.match(page, /<span class="updated">· Updated <time datetime="2023-05-06T07:08:09\+02:00">/);
    assert.match(page, /<meta property="article:modified_time" content="2023-05-06T07:08:09\+02:00">/);
    assert.match(page, /"dateModified":"2023-05-06T07:08:09\+02:00"/);
    const atom = await readFile(path.join(c.out, 'feed.xml'), 'utf8');
    assert.match(atom, /<published>2022-01-01T09:00:00\+02:00<\/published>\n<updated>2023-05-06T07:08:09\+02:00<\/updated>/);
    const feed = JSON.parse(await readFile(path.join(c.out, 'feed.json'), 'utf8'));
    assert.equal(feed.items[0].date_modified, '2023-05-06T07:08:09+02:00');
    const sitemap = await readFile(path.join(c.out, 'sitemap.xml'), 'utf8');
    assert.match(sitemap, /<loc>https:\/\/cli\.example\/posts\/a\/<\/loc><lastmod>2023-05-06T07:08:09\+02:00<\/lastmod>/);
  } finally {
    await c.remove();
  }
});

test('a blog moving in: .markdown, sub-folders, TOML, a page bundle with its image, dates in the site zone, unused files in one warning', async () => {
  const c = await contentDir({
    'site.yaml': site + 'timezone: Europe/Berlin\n',
    'posts/2016-10-06-welcome-to-jekyll.markdown':
      '---\nlayout: post\ntitle: "Welcome to Jekyll!"\ndate: 2016-10-06 11:10:38 -0700\ncategories: jekyll update\n---\nHi.\n',
    'posts/2019/2019-03-14-from-the-name.md': '---\ntags: [old]\n---\nDated by its name.\n',
    'posts/hugo.md': '\n+++\ntitle = "Hugo TOML"\ndate = 2020-01-15T10:00:00Z\nauthor = "Ada"\n+++\nBody.\n',
    'posts/trip/index.md': '---\ntitle: Trip\ndate: 2021-07-01\nimages: [photo.png]\n---\n![A photo](photo.png)\n',
    'posts/trip/photo.png': 'PNG',
    'posts/_index.md': '---\ntitle: Posts\n---\n',
    'notes.txt': 'mine',
  });
  try {
    const r = quire(['build', c.dir, '-o', c.out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /: 4 posts, /);
    assert.ok(r.stderr.includes(`${c.dir}: 2 files not used: notes.txt and posts/_index.md (warning)`), r.stderr);
    assert.equal(await readFile(path.join(c.out, 'posts/trip/photo.png'), 'utf8'), 'PNG');
    const page = await readFile(path.join(c.out, 'posts/trip/index.html'), 'utf8');
    assert.match(page, /<img src="photo.png"[^>]* alt="A photo">/);
    const bundle = await readBundle(c.out);
    const bySlug = Object.fromEntries(bundle.posts.map((p) => [p.slug, p]));
    assert.equal(bySlug['welcome-to-jekyll'].date, '2016-10-06T20:10:38+02:00');
    assert.deepEqual(bySlug['welcome-to-jekyll'].tags, ['jekyll', 'update']);
    assert.equal(bySlug['from-the-name'].title, 'From The Name');
    assert.equal(bySlug['from-the-name'].date, '2019-03-14');
    assert.equal(bySlug.hugo.date, '2020-01-15T11:00:00+01:00');
    assert.deepEqual(bySlug.hugo.authors, ['Ada']);
    const hugoPage = await readFile(path.join(c.out, 'posts/hugo/index.html'), 'utf8');
    assert.match(hugoPage, /· by Ada<\/span>/);
  } finally {
    await c.remove();
  }
});

test('a Jekyll or Hugo blog copied in as it is fails check and build with quire import, never ok: 0 posts', async () => {
  const cases = [
    { files: { '_config.yml': 'title: J\n', '_posts/2016-10-06-a.markdown': post('A', '2016-10-06 11:10:38 -0700') },
      expected: /1 markdown file outside posts\/: _posts\/2016-10-06-a\.markdown \(_config\.yml: a Jekyll blog\); convert it with `quire import jekyll SRC \[content-dir\]`/ },
    { files: { 'hugo.toml': 'baseURL = "https://x.example/"\n', 'content/posts/a.md': post('A', '2020-01-01') },
      expected: /content\/posts\/a\.md \(hugo\.toml: a Hugo blog\); convert it with `quire import hugo/ },
  ];
  for (const { files, expected } of cases) {
    const c = await contentDir(files);
    try {
      for (const command of ['check', 'build']) {
        const r = quire([command, c.dir, '-o', c.out].slice(0, command === 'check' ? 2 : 4));
        assert.equal(r.status, 1, `${command}: ${r.stdout}${r.stderr}`);
        assert.match(r.stderr, expected);
        assert.doesNotMatch(r.stdout, /ok: 0 posts/);
      }
      assert.ok(!existsSync(c.out));
    } finally {
      await c.remove();
    }
  }
});

test('a url that holds the base path gives every absolute URL with the folder once', async () => {
  // Regression: url https://cli.example/blog/ with base_path /blog/ wrote
  // https://cli.example/blog/blog/... into canonical links, sitemap, feeds and robots.txt.
  const body = 'See [the archive](/archive/) and ![a](/images/a.svg).\n';
  for (const siteYaml of ['url: "https://cli.example/blog/"\nbase_path: /blog/\n', 'url: "https://cli.example/blog"\n']) {
    const c = await contentDir({
      'site.yaml': `title: "CLI test"\n${siteYaml}`,
      'posts/2022-01-01-a.md': post('A', '2022-01-01', 'tags: [x]\n', body),
    });
    try {
      const r = quire(['build', c.dir, '-o', c.out]);
      assert.equal(r.status, 0, r.stderr);
      const read = (/** @type {string} */ f) => readFile(path.join(c.out, f), 'utf8');
      const bundle = JSON.parse(await read('bundle.json'));
      assert.equal(bundle.site.url, 'https://cli.example');
      assert.equal(bundle.site.base_path, '/blog/');
      assert.match(await read('robots.txt'), /\nSitemap: https:\/\/cli\.example\/blog\/sitemap\.xml\n/);
      assert.match(await read('sitemap.xml'), /<loc>https:\/\/cli\.example\/blog\/posts\/a\/<\/loc>/);
      assert.match(await read('posts/a/index.html'), /<link rel="canonical" href="https:\/\/cli\.example\/blog\/posts\/a\/">/);
      const feed = JSON.parse(await read('feed.json'));
      assert.equal(feed.feed_url, 'https://cli.example/blog/feed.json');
      assert.equal(feed.items[0].url, 'https://cli.example/blog/posts/a/');
      assert.match(feed.items[0].content_html, /href="https:\/\/cli\.example\/blog\/archive\/"/);
      for (const f of ['index.html', 'posts/a/index.html', 'tags/x/index.html', 'feed.xml', 'feed.json',
        'tags/x/feed.xml', 'sitemap.xml', 'robots.txt', 'bundle.json']) {
        assert.doesNotMatch(await read(f), /\/blog\/blog\//, f);
      }
    } finally {
      await c.remove();
    }
  }
});

test('a url whose path is not the base path is an error naming its site.yaml line', async () => {
  const c = await contentDir({
    'site.yaml': 'title: "CLI test"\nurl: "https://cli.example/blog/"\nbase_path: /notes/\n',
    'posts/2022-01-01-a.md': post('A', '2022-01-01'),
  });
  try {
    const r = quire(['check', c.dir]);
    assert.equal(r.status, 1);
    assert.match(r.stderr, /site\.yaml:2: url: its path "\/blog\/" is not base_path "\/notes\/"/);
  } finally {
    await c.remove();
  }
});

test('without a url in site.yaml the build warns and writes no feeds or sitemap', async () => {
  const c = await contentDir({ 'site.yaml': 'title: "No URL"\n', 'posts/2022-01-01-a.md': post('A', '2022-01-01') });
  try {
    const r = quire(['build', c.dir, '-o', c.out]);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stderr, /site\.yaml: url: not set, so feeds, sitemap\.xml, canonical and OpenGraph URLs are left out .*\(warning\)/);
    assert.ok(!existsSync(path.join(c.out, 'feed.xml')));
    assert.ok(!existsSync(path.join(c.out, 'sitemap.xml')));
    assert.equal(await readFile(path.join(c.out, 'robots.txt'), 'utf8'), 'User-agent: *\nAllow: /\n');
    assert.doesNotMatch(await readFile(path.join(c.out, 'index.html'), 'utf8'), /feed\.xml|rel="canonical"/);
  } finally {
    await c.remove();
  }
});

test('npm run quire -- new creates a dated post with front matter that builds', async () => {
  const c = await contentDir({ 'site.yaml': site });
  try {
    const r = spawnSync('npm', ['run', '--silent', 'quire', '--', 'new', 'Hello: a "new" post', c.dir],
      { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const now = new Date();
    const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
    const day = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
    const file = path.join(c.dir, 'posts', `${day}-hello-a-new-post.md`);
    assert.equal(r.stdout.trim(), file);
    const text = await readFile(file, 'utf8');
    assert.match(text, /^---\ntitle: "Hello: a \\"new\\" post"\ndate: \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d\ntags: \[\]\n---\n/);

    const built = quire(['build', c.dir, '-o', c.out]);
    assert.equal(built.status, 0, built.stderr);
    const bundle = JSON.parse(await readFile(path.join(c.out, 'bundle.json'), 'utf8'));
    assert.equal(bundle.posts[0].title, 'Hello: a "new" post');

    const again = spawnSync('npm', ['run', '--silent', 'quire', '--', 'new', 'Hello: a "new" post', c.dir],
      { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(again.status, 2);
    assert.match(again.stderr, /already exists/);
  } finally {
    await c.remove();
  }
});

test('quire new folds accents into the file name, and titles with no ASCII letters do not collide', async () => {
  // Regression: "Café culture" gave posts/<day>-post.md (slugify keeps é,
  // valid_slug refuses it), and the next such title "already exists".
  const c = await contentDir({ 'site.yaml': site });
  try {
    const names = [];
    for (const title of ['Café culture', 'Crème brûlée', 'Straße über Ærø, œuvre', 'Cafe\u0301 noir',
      '日本語', '日本語', `${'word '.repeat(40)}end`]) {
      const r = quire(['new', title, c.dir]);
      assert.equal(r.status, 0, r.stderr);
      names.push(path.basename(r.stdout.trim()).replace(/^\d{4}-\d\d-\d\d-/, ''));
    }
    assert.deepEqual(names, ['cafe-culture.md', 'creme-brulee.md', 'strasse-uber-aero-oeuvre.md', 'cafe-noir.md',
      'post.md', 'post-2.md', `${'word-'.repeat(15)}word.md`]);
    const built = quire(['build', c.dir, '-o', c.out]);
    assert.equal(built.status, 0, built.stderr);
    const bundle = JSON.parse(await readFile(path.join(c.out, 'bundle.json'), 'utf8'));
    assert.equal(bundle.posts.length, 7);
    assert.ok(bundle.posts.some((/** @type {{title: string}} */ p) => p.title === 'Café culture'));
  } finally {
    await c.remove();
  }
});

test('a long build prints progress lines to stderr before its summary', async () => {
  /** @type {Record<string, string>} */
  const files = { 'site.yaml': `${site}posts_per_page: 50\n` };
  for (let i = 0; i < 2100; i += 1) {
    const day = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    files[`posts/${day}-p${i}.md`] = post(`Post ${i}`, day);
  }
  const c = await contentDir(files);
  try {
    const r = quire(['build', c.dir, '-o', c.out]);
    assert.equal(r.status, 0, r.stderr);
    const lines = r.stderr.trim().split('\n');
    assert.ok(lines.length >= 2, r.stderr);
    for (const line of lines) assert.match(line, /^quire: \d+\/\d+ pages$/);
    const total = Number(/\/(\d+) pages$/.exec(lines[0])?.[1]);
    assert.equal(lines.at(-1), `quire: ${total}/${total} pages`);
    assert.match(r.stdout, new RegExp(`; ${total} pages, `));
  } finally {
    await c.remove();
  }
});

test('a small build prints no progress when stderr is not a terminal', async () => {
  const c = await contentDir({ 'site.yaml': site, 'posts/2022-01-01-a.md': post('A', '2022-01-01') });
  try {
    const r = quire(['build', c.dir, '-o', c.out]);
    assert.equal(r.stderr, '');
  } finally {
    await c.remove();
  }
});

test('an output folder written as dist/ or out/. builds into that folder, again and again', async () => {
  const c = await contentDir({ 'site.yaml': site, 'posts/2022-01-01-a.md': post('A', '2022-01-01') });
  try {
    for (const out of ['dist/', 'dist/', 'out/.']) {
      const r = quire(['build', 'content', '-o', out], { cwd: c.parent });
      assert.equal(r.status, 0, `${out}: ${r.stderr}`);
      assert.equal(r.stderr, '');
    }
    assert.ok(existsSync(path.join(c.parent, 'dist/posts/a/index.html')));
    assert.ok(existsSync(path.join(c.parent, 'out/posts/a/index.html')));
    assert.deepEqual((await readdir(c.parent)).sort(), ['content', 'dist', 'out'], 'no stray folders');
    assert.ok(!existsSync(path.join(c.parent, 'dist/dist')));
  } finally {
    await c.remove();
  }
});

test('an output folder that is, holds or lies inside the content folder, or is the current folder, is refused', async () => {
  const c = await contentDir({
    'site.yaml': site,
    'posts/2022-01-01-a.md': post('A', '2022-01-01'),
    'static/images/x.svg': '<svg/>',
  });
  try {
    const cases = [
      [c.dir, 'is the content folder'],
      [`${c.dir}/`, 'is the content folder'],
      [c.parent, 'holds the content folder'],
      [path.join(c.dir, 'static'), 'lies inside the content folder'],
      [path.join(c.dir, 'dist'), 'lies inside the content folder'],
    ];
    for (const [out, problem] of cases) {
      const r = quire(['build', c.dir, '-o', out]);
      assert.equal(r.status, 2, out);
      assert.ok(r.stderr.includes(`quire: build failed: ${out.replace(/\/$/, '')}: the output folder ${problem} ${c.dir}`), r.stderr);
      assert.match(r.stderr, /pick a folder outside it/);
      assert.equal(r.stdout, '');
    }
    const here = quire(['build', 'content', '-o', '.'], { cwd: c.parent });
    assert.equal(here.status, 2);
    assert.match(here.stderr, /may not be the current folder or one of its parents .*name a folder of its own, e\.g\. -o dist/);
    assert.deepEqual((await readdir(c.dir, { recursive: true })).sort(),
      ['posts', 'posts/2022-01-01-a.md', 'site.yaml', 'static', 'static/images', 'static/images/x.svg'],
      'the content is all there');
    assert.deepEqual(await readdir(c.parent), ['content']);
  } finally {
    await c.remove();
  }
});

test('a folder of the author\'s own files is not replaced; a previous build is', async () => {
  const c = await contentDir({ 'site.yaml': site, 'posts/2022-01-01-a.md': post('A', '2022-01-01') });
  try {
    const mine = path.join(c.parent, 'mine');
    await mkdir(mine);
    await writeFile(path.join(mine, 'notes.txt'), 'precious');
    const r = quire(['build', c.dir, '-o', mine]);
    assert.equal(r.status, 2);
    assert.ok(r.stderr.includes(`${mine}: not empty and not a previous Quire build`), r.stderr);
    assert.match(r.stderr, /pick another output folder with -o, or empty this one\nquire: .*mine is unchanged\n$/);
    assert.deepEqual(await readdir(mine), ['notes.txt']);
    assert.equal(await readFile(path.join(mine, 'notes.txt'), 'utf8'), 'precious');

    assert.equal(quire(['build', c.dir, '-o', c.out]).status, 0);
    await writeFile(path.join(c.out, 'left-over.html'), 'from an older build');
    const again = quire(['build', c.dir, '-o', c.out]);
    assert.equal(again.status, 0, again.stderr);
    assert.ok(!existsSync(path.join(c.out, 'left-over.html')));
    assert.deepEqual((await readdir(c.parent)).sort(), ['content', 'dist', 'mine']);
  } finally {
    await c.remove();
  }
});

test('a static file in the place of a page or the bundle exits 2 naming both; static files count one each', async () => {
  const c = await contentDir({
    'site.yaml': site,
    'posts/2022-01-01-a.md': post('A', '2022-01-01'),
    'static/images/x.svg': '<svg/>',
    'static/images/y.svg': '<svg/>',
    'static/_headers': '/*\n',
  });
  try {
    const first = quire(['build', c.dir, '-o', c.out]);
    assert.equal(first.status, 0, first.stderr);
    const files = Number(/ (\d+) files,/.exec(first.stdout)?.[1]);
    await rm(path.join(c.dir, 'static'), { recursive: true });
    const plain = quire(['build', c.dir, '-o', c.out]);
    assert.equal(Number(/ (\d+) files,/.exec(plain.stdout)?.[1]), files - 3, 'three static files, three more files');

    const home = await readFile(path.join(c.out, 'index.html'), 'utf8');
    for (const [file, built] of [
      ['index.html', 'index.html (the home page)'],
      ['bundle.json', 'bundle.json (the bundle the app loads)'],
      ['posts/a/index.html', 'posts/a/index.html (the page /posts/a/)'],
    ]) {
      await rm(path.join(c.dir, 'static'), { recursive: true, force: true });
      await mkdir(path.dirname(path.join(c.dir, 'static', file)), { recursive: true });
      await writeFile(path.join(c.dir, 'static', file), 'the author\'s');
      const r = quire(['build', c.dir, '-o', c.out]);
      assert.equal(r.status, 2, file);
      assert.ok(r.stderr.includes(`quire: build failed: ${path.join(c.dir, 'static', file)}: would replace the build's own ${built}; rename or move it`), r.stderr);
      assert.equal(await readFile(path.join(c.out, 'index.html'), 'utf8'), home, 'the previous build stays');
    }

    await rm(path.join(c.dir, 'static'), { recursive: true, force: true });
    await mkdir(path.join(c.dir, 'static'));
    await writeFile(path.join(c.dir, 'static/favicon.svg'), '<svg>mine</svg>');
    const favicon = quire(['build', c.dir, '-o', c.out]);
    assert.equal(favicon.status, 0, favicon.stderr);
    assert.equal(favicon.stderr, `${path.join(c.dir, 'static/favicon.svg')}: replaces the build's own favicon.svg (warning)\n`);
    assert.equal(await readFile(path.join(c.out, 'favicon.svg'), 'utf8'), '<svg>mine</svg>');
  } finally {
    await c.remove();
  }
});
