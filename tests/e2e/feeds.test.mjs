// What crawlers, feed readers and link previews get from a built site: Atom
// and JSON feeds (well-formed, required elements, absolute URLs), the
// sitemap and robots.txt, and complete static pages without JavaScript.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile, cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { buildSite, repoRoot, serve } from './helpers.mjs';

/** @type {Awaited<ReturnType<typeof buildSite>>} */
let site;
/** @type {Awaited<ReturnType<typeof serve>>} */
let server;
let siteUrl = '';

before(async () => {
  site = await buildSite();
  server = await serve(site.dir, site.bundle.site.base_path);
  siteUrl = /** @type {any} */ (site.bundle.site).url;
  assert.match(siteUrl, /^https?:\/\//, 'the sample site has a url');
});

after(async () => {
  await server?.close();
  await site?.remove();
});

/** Runs xmllint; returns stdout. @param {string[]} args */
function xmllint(args) {
  const r = spawnSync('xmllint', args, { encoding: 'utf8' });
  assert.equal(r.status, 0, `xmllint ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** An XPath over Atom without namespace prefixes. @param {string} file @param {string} expr */
const xpath = (file, expr) => xmllint(['--xpath', expr, file]).trim();
/** @param {string} name */
const atom = (name) => `*[local-name()='${name}']`;

/** Every Atom feed of the build: the site's and each tag's. */
async function atomFeeds() {
  const files = [path.join(site.dir, 'feed.xml')];
  for (const tag of await readdir(path.join(site.dir, 'tags'))) {
    const f = path.join(site.dir, 'tags', tag, 'feed.xml');
    if (await readFile(f).then(() => true, () => false)) files.push(f);
  }
  return files;
}

/** href and src values in an HTML fragment. @param {string} html */
const urlsIn = (html) => [...html.matchAll(/\s(?:href|src)=["']([^"']*)["']/g)].map((m) => m[1]);

/** Lines of a markdown body that are plain prose (no markup to render). @param {string} body */
const plainSentences = (body) => body.split('\n').filter((l) => /^[A-Z][A-Za-z ,.;]{30,}$/.test(l))
  .map((l) => l.slice(0, 30));

/** @param {string} url */
const isAbsolute = (url) => /^(https?:|mailto:)/.test(url);

test('every feed and the sitemap are well-formed XML', async () => {
  const files = [...await atomFeeds(), path.join(site.dir, 'sitemap.xml')];
  assert.ok(files.length > 3, 'the site feed, tag feeds and the sitemap');
  xmllint(['--noout', ...files]);
});

test('Atom feeds have the required feed and entry elements', async () => {
  for (const file of await atomFeeds()) {
    for (const el of ['id', 'title', 'updated']) {
      assert.notEqual(xpath(file, `string(/${atom('feed')}/${atom(el)})`), '', `${file}: feed ${el}`);
    }
    const entries = Number(xpath(file, `count(/${atom('feed')}/${atom('entry')})`));
    assert.ok(entries >= 1, `${file} has entries`);
    const complete = Number(xpath(file, `count(/${atom('feed')}/${atom('entry')}[${atom('id')} and ${atom('title')} and ` +
      `${atom('updated')} and ${atom('link')}/@href and ${atom('content')}[@type='html']])`));
    assert.equal(complete, entries, `${file}: every entry has id, title, updated, link and content`);
    assert.match(xpath(file, `string(/${atom('feed')}/${atom('updated')})`), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$/);
  }
});

test('the site feed holds the newest posts, full content, up to feed_entries', async () => {
  const file = path.join(site.dir, 'feed.xml');
  const limit = /** @type {any} */ (site.bundle.site).feed_entries;
  assert.equal(limit, 20, 'the default');
  const titles = xpath(file, `/${atom('feed')}/${atom('entry')}/${atom('title')}/text()`).split('\n');
  assert.deepEqual(titles.map((t) => t.replace(/&amp;/g, '&')),
    site.bundle.posts.slice(0, limit).map((p) => p.title));
  // Full content: a sentence from the end of a post's body is there.
  const at = site.bundle.posts.slice(0, limit).findIndex((p) => plainSentences(p.body ?? '').length > 0);
  assert.ok(at >= 0, 'a post in the feed has a plain sentence');
  const sentence = plainSentences(site.bundle.posts[at].body ?? '').at(-1) ?? '';
  const content = xpath(file, `string(/${atom('feed')}/${atom('entry')}[${at + 1}]/${atom('content')})`);
  assert.ok(content.includes(sentence), sentence);
  assert.match(content, /<\/p>/);
});

test('every URL in the feeds is absolute, content included', async () => {
  for (const file of await atomFeeds()) {
    const hrefs = xpath(file, '//@href').split('\n').map((l) => /href="([^"]*)"/.exec(l)?.[1] ?? '');
    for (const h of hrefs) assert.ok(h.startsWith(`${siteUrl}/`), `${file}: ${h}`);
    for (const id of xpath(file, `//${atom('id')}/text()`).split('\n')) assert.ok(id.startsWith(`${siteUrl}/`), id);
    const count = Number(xpath(file, `count(//${atom('content')})`));
    for (let i = 1; i <= count; i += 1) {
      const html = xpath(file, `string((//${atom('content')})[${i}])`);
      for (const u of urlsIn(html)) assert.ok(isAbsolute(u), `${file} entry ${i}: ${u}`);
    }
  }
});

test('JSON feeds have the JSON Feed 1.1 fields and absolute URLs', async () => {
  const files = [path.join(site.dir, 'feed.json')];
  for (const tag of site.bundle.posts.flatMap((p) => p.tags ?? [])) {
    const slug = tag.toLowerCase().replace(/\+/g, ' plus ').replace(/#/g, ' sharp ').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
    files.push(path.join(site.dir, 'tags', slug, 'feed.json'));
  }
  for (const file of new Set(files)) {
    const feed = JSON.parse(await readFile(file, 'utf8'));
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.equal(typeof feed.title, 'string');
    assert.ok(feed.home_page_url.startsWith(`${siteUrl}/`));
    assert.ok(feed.feed_url.startsWith(`${siteUrl}/`) && feed.feed_url.endsWith('/feed.json'));
    assert.ok(Array.isArray(feed.items) && feed.items.length > 0);
    for (const item of feed.items) {
      assert.equal(typeof item.id, 'string');
      assert.ok(item.id.startsWith(`${siteUrl}/posts/`), item.id);
      assert.equal(item.url, item.id);
      assert.equal(typeof item.content_html, 'string');
      assert.match(item.date_published, /^\d{4}-\d\d-\d\dT/);
      for (const u of urlsIn(item.content_html)) assert.ok(isAbsolute(u), `${file} ${item.id}: ${u}`);
    }
  }
});

test('a tag feed holds only posts with that tag', async () => {
  const tag = site.bundle.posts[0].tags?.[0];
  assert.ok(tag);
  const feed = JSON.parse(await readFile(path.join(site.dir, 'tags', tag, 'feed.json'), 'utf8'));
  const expected = site.bundle.posts.filter((p) => p.tags?.includes(tag)).slice(0, 20).map((p) => p.title);
  assert.deepEqual(feed.items.map((/** @type {any} */ i) => i.title), expected);
  for (const item of feed.items) assert.ok(item.tags.includes(tag));
});

test('feed_entries in site.yaml limits every feed', async () => {
  const parent = await mkdtemp(path.join(tmpdir(), 'quire-feeds-'));
  try {
    const content = path.join(parent, 'content');
    await cp(path.join(repoRoot, 'content'), content, { recursive: true });
    const yaml = await readFile(path.join(content, 'site.yaml'), 'utf8');
    await writeFile(path.join(content, 'site.yaml'), `${yaml}\nfeed_entries: 3\n`);
    const out = path.join(parent, 'dist');
    const r = spawnSync(path.join(repoRoot, 'build/native/quire'), ['build', content, '-o', out], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const file = path.join(out, 'feed.xml');
    assert.equal(Number(xpath(file, `count(/${atom('feed')}/${atom('entry')})`)), 3);
    assert.equal(JSON.parse(await readFile(path.join(out, 'feed.json'), 'utf8')).items.length, 3);
  } finally {
    await rm(parent, { recursive: true, force: true });
  }
});

test('the sitemap lists every page with an absolute loc and a lastmod; robots.txt points at it', async () => {
  const file = path.join(site.dir, 'sitemap.xml');
  const locs = xpath(file, `//${atom('loc')}/text()`).split('\n');
  for (const loc of locs) assert.ok(loc.startsWith(`${siteUrl}/`), loc);
  for (const p of site.bundle.posts) assert.ok(locs.includes(`${siteUrl}${site.bundle.site.base_path}posts/${p.slug}/`), p.slug);
  assert.ok(locs.includes(`${siteUrl}${site.bundle.site.base_path}archive/`));
  assert.equal(Number(xpath(file, `count(//${atom('url')}[${atom('lastmod')}])`)), locs.length);
  const robots = await readFile(path.join(site.dir, 'robots.txt'), 'utf8');
  assert.match(robots, /^User-agent: \*\n/);
  assert.ok(robots.includes(`\nSitemap: ${siteUrl}${site.bundle.site.base_path}sitemap.xml\n`));
});

test('a crawler without JavaScript finds the title, text, canonical, OpenGraph and JSON-LD of a post', async () => {
  const post = site.bundle.posts.find((p) => plainSentences(p.body ?? '').length > 0) ?? site.bundle.posts[0];
  const response = await fetch(new URL(`posts/${post.slug}/`, server.url), { headers: { 'User-Agent': 'Googlebot/2.1' } });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/html/);
  const html = await response.text();
  const canonical = `${siteUrl}${site.bundle.site.base_path}posts/${post.slug}/`;
  const esc = (/** @type {string} */ s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
  assert.ok(html.includes(`<title>${esc(post.title)} — ${esc(site.bundle.site.title)}</title>`));
  assert.ok(html.includes(`<h1>${esc(post.title)}</h1>`));
  assert.ok(html.includes(`<link rel="canonical" href="${canonical}">`));
  assert.ok(html.includes(`<meta property="og:title" content="${esc(post.title)}">`));
  assert.ok(html.includes(`<meta property="og:url" content="${canonical}">`));
  assert.match(html, /<meta property="og:type" content="article">/);
  assert.match(html, /<meta name="twitter:card" content="summary(_large_image)?">/);
  assert.match(html, /<meta name="description" content="[^"]{20,}">/);
  assert.match(html, /<link rel="alternate" type="application\/atom\+xml" [^>]*href="[^"]*feed\.xml">/);
  // The body text, not a loading placeholder.
  const sentence = plainSentences(post.body ?? '')[0];
  assert.ok(sentence, 'the post has a plain sentence');
  assert.ok(html.includes(sentence), sentence);
  assert.doesNotMatch(html, /class="pending"/);
  const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  assert.ok(ld, 'JSON-LD');
  const data = JSON.parse(ld[1]);
  assert.equal(data['@type'], 'BlogPosting');
  assert.equal(data.headline, post.title);
  assert.equal(data.url, canonical);
  assert.equal(data.datePublished, post.date);
});

test('the home page is a Blog in JSON-LD and links the site feeds', async () => {
  const html = await (await fetch(server.url)).text();
  const ld = /<script type="application\/ld\+json">([^<]*)<\/script>/.exec(html);
  assert.ok(ld);
  const data = JSON.parse(ld[1]);
  assert.equal(data['@type'], 'Blog');
  assert.equal(data.name, site.bundle.site.title);
  assert.match(html, /<link rel="alternate" type="application\/feed\+json" title="[^"]+" href="\/feed\.json">/);
  assert.match(html, /<meta property="og:type" content="website">/);
});

test('a tag page links its own feeds besides the site feeds', async () => {
  const tag = site.bundle.posts[0].tags?.[0];
  const html = await (await fetch(new URL(`tags/${tag}/`, server.url))).text();
  assert.ok(html.includes(`href="${site.bundle.site.base_path}tags/${tag}/feed.xml"`));
  assert.ok(html.includes(`href="${site.bundle.site.base_path}tags/${tag}/feed.json"`));
  assert.ok(html.includes(`href="${site.bundle.site.base_path}feed.xml"`));
  const feed = await fetch(new URL(`tags/${tag}/feed.xml`, server.url));
  assert.equal(feed.status, 200);
});
