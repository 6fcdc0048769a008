// `quire import` on the fixture blogs of each engine (tests/fixtures/),
// then `quire build` on what it wrote: every post present with its title,
// date (in the site's time zone), tags and categories, summary, authors and
// image; the report listing what it could not convert at file:line; the
// source folder left as it was. And issue 15's acceptance test: every URL
// the old engine gave a post (written out per fixture below, as that
// engine computes it under the fixture's config) answers over HTTP on the
// static server with the post's page or a redirect page to it, and a click
// in Chromium on a link to it lands on the post.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { appReady, launchBrowser, openPage, pathOf, readBundle, repoRoot, serve } from './helpers.mjs';

const cli = path.join(repoRoot, 'build/native/quire');
const fixtures = path.join(repoRoot, 'tests/fixtures');

/** @param {string[]} args */
const quire = (args) => spawnSync(cli, args, { encoding: 'utf8' });

/** Every file of a folder with a hash of its bytes. @param {string} dir */
async function snapshot(dir) {
  const files = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  const out = {};
  for (const f of files) {
    const p = path.join(f.parentPath ?? f.path, f.name);
    out[path.relative(dir, p)] = createHash('sha256').update(await readFile(p)).digest('hex');
  }
  return out;
}

/**
 * What each fixture must give: its posts (slug, title, date as the bundle
 * carries it: moved to the site's time zone when the site has one, tags,
 * categories, summary, authors, image; `bundle` for page bundles), the
 * constructs the report must list as not converted, as "file:line: start of
 * the construct", and `oldUrls`: each URL the old engine published a post
 * or page at (with the site's folder), and the slug of the post (or
 * `page:` and the title of the page) it must lead to.
 */
const cases = {
  jekyll: {
    posts: [
      { slug: 'liquid-tour', title: 'A tour of the Liquid tags', date: '2016-10-06T11:10:38-07:00', tags: ['liquid', 'kramdown'], categories: ['notes', 'tools'] },
      { slug: 'pi-day', title: 'Pi Day', date: '2019-03-14', tags: ['math', 'fun'], summary: 'Pie, and the number.',
        authors: ['Lin Guest'], image: '/assets/img/logo.svg' },
      // 08:30 in Paris is 23:30 the evening before in Los Angeles, the site's zone.
      { slug: 'on-the-road', title: 'On the road', date: '2018-06-30T23:30:00-07:00', tags: [], categories: ['travel'] },
      { slug: 'unfinished-thought', title: 'An unfinished thought', date: '', tags: ['ideas'] },
      // Written on Windows: a BOM, CRLF line endings, a tab after "title:", Jekyll's category: and theme keys
      { slug: 'windows-notes', title: 'Notes from Windows', date: '2020-02-02', tags: ['editors'], categories: ['windows'],
        summary: 'Written in Notepad, with CRLF line endings and a BOM.' },
      // published: false: a draft (built here with --drafts)
      { slug: 'kept-back', title: 'A post kept back', date: '2020-03-03', tags: [] },
      // café-notes.mdown: an accent in the name (the slug made ASCII, the old
      // URL an alias), a zone abbreviation (08:15 PST is 09:15 PDT in LA),
      // kramdown's markdown="1" and {::comment}
      { slug: 'cafe-notes', title: 'Café notes', date: '2021-05-05T09:15:00-07:00', tags: ['coffee'] },
    ],
    notConverted: [
      '_posts/2016-10-06-liquid-tour.markdown:10: kramdown attribute list "{: .lead}" removed',
      '_posts/2016-10-06-liquid-tour.markdown:35: {% include newsletter.html %}',
    ],
    leftInText: ['2016-10-06-liquid-tour.md'],
    // permalink: /:year/:month/:day/:title/ in _config.yml; Jekyll reads a
    // post's date in the site's timezone (Utils.parse_date: localtime).
    oldUrls: {
      '/2016/10/06/liquid-tour/': 'liquid-tour',
      '/2019/03/14/pi-day/': 'pi-day',
      '/2018/06/30/on-the-road/': 'on-the-road',
      '/travel/road/': 'on-the-road',  // redirect_from
      '/2020/02/02/windows-notes/': 'windows-notes',
      '/2021/05/05/café-notes/': 'cafe-notes',
      '/about/': 'page:About',
    },
  },
  hugo: {
    posts: [
      { slug: 'first-light', title: 'First light', date: '2021-03-02T07:15:00+01:00', tags: ['lamps', 'soldering'], categories: ['builds'],
        summary: 'A lamp that blinks.', authors: ['Bo Example'], image: '/images/logo.svg' },
      { slug: 'second-wind', title: 'Second wind', date: '2021-04-10', tags: ['fans'], categories: ['builds', 'repairs'],
        summary: 'A fan gets a second life.' },
      { slug: 'a-trip-to-the-mountains', title: 'A trip to the mountains', date: '2021-08-20T18:00:00+02:00', tags: ['travel'], bundle: true,
        image: 'ridge.svg' },
      // JSON front matter, in a section with a pattern of its own (notes = "/n/:year/:slug/")
      { slug: 'coil-winding', title: 'Coil winding', date: '2021-09-01T12:00:00+02:00', tags: ['coils'], categories: ['builds'],
        summary: 'Forty turns of copper.' },
      // a section without a pattern: Hugo put it at /articles/on-tools/
      { slug: 'on-tools', title: 'On tools', date: '2021-10-05', tags: ['tools'], categories: ['essays'],
        summary: 'Which tools stay on the bench.' },
      // a .markdown file; PaperMod's cover.image as its image
      { slug: 'the-old-lamp', title: 'The old lamp', date: '2021-11-11T20:00:00+01:00', tags: ['lamps'], image: '/images/logo.svg' },
    ],
    notConverted: [
      'content/posts/second-wind.md:24: {{< newsletter list="workshop" >}}',
    ],
    leftInText: ['second-wind.md'],
    // baseURL https://hugo.example/blog/, [permalinks] posts =
    // "/:year/:month/:slug/": Hugo's :slug is the post's slug, else its
    // title made a URL, which the post keeps as its slug (so it stays
    // there); aliases are under the site's folder too.
    oldUrls: {
      '/blog/2021/03/first-light/': 'first-light',
      '/blog/old/first-light/': 'first-light',
      '/blog/2021/04/second-wind/': 'second-wind',
      '/blog/2021/11/the-old-lamp/': 'the-old-lamp',
      '/blog/2021/08/a-trip-to-the-mountains/': 'a-trip-to-the-mountains',
      '/blog/trips/mountains/': 'a-trip-to-the-mountains',
      '/blog/n/2021/coil-winding/': 'coil-winding',
      '/blog/articles/on-tools/': 'on-tools',
      '/blog/about/': 'page:About the workshop',
    },
  },
  zola: {
    posts: [
      { slug: 'spring-notes', title: 'Spring notes', date: '2021-05-01T09:30:00-04:00', tags: ['garden', 'spring'], categories: ['journal'],
        summary: 'What came up in the garden.' },
      { slug: 'summer', title: 'Summer', date: '2021-07-15', tags: ['heat'] },
      // a TOML date-time in UTC, [extra] and weight (left out, without noise)
      { slug: 'winter', title: 'Winter', date: '2020-01-01T00:00:00+00:00', tags: ['snow'], categories: ['journal'],
        summary: 'Cold, and quiet.' },
      { slug: 'autumn', title: 'Autumn leaves', date: '2021-10-03T16:45:00', tags: ['leaves'], bundle: true,
        authors: ['Cy Example', 'Dee Guest'] },
    ],
    notConverted: [
      'content/blog/summer.md:19: {{ map(lat=52.5, lon=13.4) }}',
    ],
    leftInText: ['summer.md'],
    // Section blog: /blog/<file name without its date>/, aliases, a page's path.
    oldUrls: {
      '/blog/spring-notes/': 'spring-notes',
      '/blog/summer/': 'summer',
      '/blog/winter/': 'winter',
      '/blog/autumn/': 'autumn',
      '/blog/fall/': 'autumn',
      '/about/': 'page:About',
    },
  },
  eleventy: {
    posts: [
      { slug: 'first-evening', title: 'First evening', date: '2022-01-10', tags: ['evenings'], summary: 'The first of the notes.',
        authors: ['Di Example'], image: '/img/chart.svg' },
      { slug: 'second-evening', title: 'Second evening', date: '2022-02-02', tags: ['evenings', 'reading'] },
      { slug: 'third-evening', title: 'Third evening', date: '2022-03-03T21:00:00Z', tags: ['quiet'] },
      // date: git Last Modified: the fixture's last commit (or, outside git, the file's time)
      { slug: 'fourth-evening', title: 'Fourth evening', date: '', tags: ['quiet'] },
      // posts/fifth-evening/fifth-evening.md: a bundle with its image; "post" a collection, not a tag
      { slug: 'fifth-evening', title: 'Fifth evening', date: '2022-05-05', tags: ['quiet'], bundle: true },
    ],
    notConverted: [
      'src/posts/2022-02-02-second-evening.md:7: {{ metadata.title }}',
    ],
    leftInText: ['2022-02-02-second-evening.md'],
    // Eleventy writes posts/x.md to /posts/x/ (the file's name, date and
    // all); permalink: "/{{ page.fileSlug }}/" is the name without its date.
    oldUrls: {
      '/posts/first-evening/': 'first-evening',
      '/posts/2022-02-02-second-evening/': 'second-evening',
      '/third-evening/': 'third-evening',
      '/posts/fifth-evening/': 'fifth-evening',
      '/about/': 'page:About Lamplight',
    },
  },
};

/**
 * A post's tags are its own, in order; its categories are kept, as tags
 * (merged, the build's default) or as their own list: nothing lost, nothing
 * added.
 */
function assertTaxonomies(post, want) {
  const categories = want.categories ?? [];
  assert.deepEqual(post.tags.slice(0, want.tags.length), want.tags, `${want.slug}: tags`);
  const kept = [...(post.categories ?? []), ...(post.params?.categories ?? []), ...post.tags];
  for (const c of categories) assert.ok(kept.includes(c), `${want.slug}: category ${c} kept (${JSON.stringify(post)})`);
  for (const t of post.tags) assert.ok(want.tags.includes(t) || categories.includes(t), `${want.slug}: no tag ${t} added`);
}

/**
 * The date as the bundle carries it (with the site's zone's offset when the
 * site has a time zone); summary, authors and image as given, none added.
 */
function assertDetails(post, want) {
  if (want.date) assert.equal(post.date, want.date, `${want.slug}: date`);
  else assert.match(post.date, /^\d{4}-\d\d-\d\d/, `${want.slug}: a date from the file's time or git`);
  if (want.summary) assert.equal(post.summary, want.summary, `${want.slug}: summary`);
  assert.deepEqual(post.authors ?? [], want.authors ?? [], `${want.slug}: authors`);
  assert.equal(post.params?.image, want.image, `${want.slug}: image`);
}

/** Imports and builds one fixture. @param {string} engine */
async function importAndBuild(engine) {
  const src = path.join(fixtures, engine);
  const parent = await mkdtemp(path.join(tmpdir(), `quire-import-${engine}-`));
  const content = path.join(parent, 'content'), out = path.join(parent, 'dist');
  const before = await snapshot(src);
  const imported = quire(['import', engine, src, content]);
  const after = await snapshot(src);
  const built = quire(['build', content, '-o', out, '--drafts']);
  return { src, content, out, before, after, imported, built, remove: () => rm(parent, { recursive: true, force: true }) };
}

for (const [engine, expected] of Object.entries(cases)) {
  test(`${engine}: import then build gives every post with its title, date and tags; the report lists what was not converted`, async () => {
    const r = await importAndBuild(engine);
    try {
      assert.equal(r.imported.status, 0, r.imported.stderr);
      assert.deepEqual(r.after, r.before, 'the source folder is left as it was');
      assert.match(r.imported.stdout, new RegExp(`^quire: imported ${engine} blog `));
      assert.match(r.imported.stdout, new RegExp(`\\nposts: ${expected.posts.length}\\b`));
      for (const line of expected.notConverted)
        assert.ok(r.imported.stdout.includes(`  ${path.join(r.src, line)}`), `report lists ${line}\n${r.imported.stdout}`);
      const notConverted = Number(/\nnot converted: (\d+)/.exec(r.imported.stdout)?.[1]);
      assert.ok(notConverted >= expected.notConverted.length);

      assert.equal(r.built.status, 0, r.built.stderr);
      const bundle = await readBundle(r.out);
      for (const want of expected.posts) {
        const post = bundle.posts.find((p) => p.slug === want.slug);
        assert.ok(post, `post ${want.slug} is in the bundle (${bundle.posts.map((p) => p.slug)})`);
        assert.equal(post.title, want.title);
        assertDetails(post, want);
        assertTaxonomies(post, want);
      }
      // Keys of the old engines and their themes (layout, comments, weight,
      // [extra]...) make no warning noise.
      assert.doesNotMatch(r.built.stderr, /unknown key|did you mean/);
      // The constructs left in a post's text are warned about by the build.
      for (const file of expected.leftInText)
        assert.match(r.built.stderr, new RegExp(`${file}:\\d+: template syntax left in the text`));
      // Every template construct the import did convert is gone (code,
      // where the fixtures show such constructs on purpose, is left as it is).
      for (const post of bundle.posts)
        assert.doesNotMatch((post.body ?? '').replace(/^```[^]*?^```/gm, ''), /\{% (highlight|raw|post_url|link|include figure)|\{\{< (highlight|figure|ref|relref|youtube|gist) /);
    } finally {
      await r.remove();
    }
  });
}

test('page bundles (Hugo, Zola) are imported as folders with their files, and built as posts', async () => {
  for (const engine of ['hugo', 'zola']) {
    const r = await importAndBuild(engine);
    try {
      assert.equal(r.imported.status, 0, r.imported.stderr);
      assert.match(r.imported.stdout, /\(1 page bundle with 1 file\)/);
      assert.equal(r.built.status, 0, r.built.stderr);
      const bundle = await readBundle(r.out);
      for (const want of cases[engine].posts.filter((p) => p.bundle)) {
        const post = bundle.posts.find((p) => p.slug === want.slug);
        assert.ok(post, `${engine}: bundle ${want.slug} is in the bundle (${bundle.posts.map((p) => p.slug)})`);
        assert.equal(post.title, want.title);
        assertTaxonomies(post, want);
      }
    } finally {
      await r.remove();
    }
  }
});

test('import refuses a content folder that is not empty, and one inside the blog (exit 2, nothing written)', async () => {
  const src = path.join(fixtures, 'jekyll');
  const r = await importAndBuild('jekyll');
  try {
    const again = quire(['import', 'jekyll', src, r.content]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /not empty; import writes into a new or empty content folder \(--force/);
    assert.equal(quire(['import', 'jekyll', src, r.content, '--force']).status, 0);
    const inside = quire(['import', 'jekyll', src, path.join(src, 'content')]);
    assert.equal(inside.status, 2);
    assert.match(inside.stderr, /never writes into the blog it reads/);
    assert.deepEqual(await snapshot(src), r.before);
    const unknown = quire(['import', 'wordpress', src]);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown engine "wordpress"/);
  } finally {
    await r.remove();
  }
});

/** @type {import('playwright-core').Browser | undefined} */
let browser;
after(async () => {
  await browser?.close();
});

/** The text of a page's <h1> (the post's or page's title), or undefined. @param {string} html */
const h1Of = (html) => /<h1>([^<]*)<\/h1>/.exec(html)?.[1];

for (const [engine, expected] of Object.entries(cases)) {
  test(`${engine}: every old URL answers over HTTP with the post or a redirect to it, and a click on it in Chromium lands on the post`, async () => {
    const r = await importAndBuild(engine);
    const bundle = r.built.status === 0 ? await readBundle(r.out) : undefined;
    const base = bundle?.site.base_path || '/';
    const server = bundle ? await serve(r.out, base) : undefined;
    try {
      assert.equal(r.imported.status, 0, r.imported.stderr);
      assert.equal(r.built.status, 0, r.built.stderr);
      const origin = new URL(server.url).origin;
      const siteUrl = (bundle.site.url ?? '').replace(/\/$/, '');
      /** Where each old URL leads now (a path on the local server). */
      const landing = {};
      for (const [old, target] of Object.entries(expected.oldUrls)) {
        const title = target.startsWith('page:') ? target.slice(5) : expected.posts.find((p) => p.slug === target).title;
        const response = await fetch(origin + old);
        assert.equal(response.status, 200, `${engine}: ${old} answers`);
        let html = await response.text();
        let now = old;
        const refresh = /<meta http-equiv="refresh" content="0; url=([^"]+)">/.exec(html)?.[1];
        if (refresh) {
          // A redirect page to the post's path on this host; its canonical
          // link is the site's url, then the path.
          assert.ok(refresh.startsWith('/'), `${engine}: ${old} redirects within the site (${refresh})`);
          now = refresh;
          assert.ok(html.includes(`<link rel="canonical" href="${siteUrl}${refresh}">`), `${engine}: ${old}: canonical`);
          const moved = await fetch(origin + now);
          assert.equal(moved.status, 200, `${engine}: ${old} -> ${now} answers`);
          html = await moved.text();
        }
        assert.equal(h1Of(html), title, `${engine}: ${old} leads to "${title}" (at ${now})`);
        landing[old] = { now, title };
      }

      browser ??= await launchBrowser();
      const { page, pageErrors, close } = await openPage(browser);
      try {
        await page.goto(origin + base);
        assert.equal(await appReady(page), true);
        for (const [old, { now, title }] of Object.entries(landing)) {
          // A link written for the old blog, clicked from a page of the new one.
          await page.evaluate((href) => {
            const a = document.createElement('a');
            a.href = href;
            a.id = 'old-link';
            a.textContent = 'an old link';
            document.querySelector('main')?.prepend(a);
          }, old);
          await page.click('#old-link');
          await page.waitForURL(origin + now);
          await page.waitForFunction((t) => document.querySelector('main h1')?.textContent?.trim() === t, title);
          assert.equal(pathOf(page), now, `${engine}: a click on ${old}`);
        }
        assert.deepEqual(pageErrors, []);
      } finally {
        await close();
      }
    } finally {
      await server?.close();
      await r.remove();
    }
  });
}

test('hugo: categories keep their pages (Hugo gave them /categories/<name>/): over HTTP, in the menu, and by a click in Chromium', async () => {
  const r = await importAndBuild('hugo');
  const bundle = r.built.status === 0 ? await readBundle(r.out) : undefined;
  const server = bundle ? await serve(r.out, bundle.site.base_path) : undefined;
  try {
    assert.equal(r.built.status, 0, r.built.stderr);
    assert.match(await readFile(path.join(r.content, 'site.yaml'), 'utf8'), /^taxonomies: \["tags","categories"\]$/m);
    assert.equal(bundle.site.categories, true);
    assert.match(r.built.stdout, / \d+ tags, 3 categories, \d+ months;/);
    const first = bundle.posts.find((p) => p.slug === 'first-light');
    assert.deepEqual(first.categories, ['builds']);
    assert.ok(!first.tags.includes('builds'), 'categories are not merged into the tags');
    const origin = new URL(server.url).origin;
    const index = await fetch(origin + '/blog/categories/');
    assert.equal(index.status, 200);
    const indexHtml = await index.text();
    for (const c of ['builds', 'essays', 'repairs']) assert.ok(indexHtml.includes(`href="/blog/categories/${c}/"`), c);
    const builds = await (await fetch(origin + '/blog/categories/builds/')).text();
    assert.match(builds, /Posts in category <span class="tag-name">builds<\/span>/);
    for (const slug of ['first-light', 'second-wind', 'coil-winding']) {
      const p = bundle.posts.find((x) => x.slug === slug);
      assert.ok(builds.includes(`>${p.title}</a>`), `${slug} listed under builds`);
    }
    assert.equal((await fetch(origin + '/blog/categories/builds/feed.xml')).status, 200);
    // Hugo's feeds, /index.xml, each section's and each term's, still answer (feed readers poll them)
    assert.match(await readFile(path.join(r.content, 'site.yaml'), 'utf8'),
      /^old_feeds: \["\/index.xml","\/articles\/index.xml","\/notes\/index.xml","\/posts\/index.xml","\/categories\/:category\/index.xml","\/tags\/:tag\/index.xml","\/categories\/index.xml","\/tags\/index.xml"\]$/m);
    const termFeed = await fetch(origin + '/blog/categories/builds/index.xml');
    assert.equal(termFeed.status, 200, 'a category\'s Hugo feed address');
    assert.equal(await termFeed.text(), await (await fetch(origin + '/blog/categories/builds/feed.xml')).text(), 'is the category\'s own feed');
    const feed = await (await fetch(origin + '/blog/feed.xml')).text();
    // Hugo's page 1 again at <list>/page/1/: a redirect to the list, over HTTP
    for (const [old, list] of [['/blog/page/1/', '/blog/'], ['/blog/categories/builds/page/1/', '/blog/categories/builds/']]) {
      const response = await fetch(origin + old);
      assert.equal(response.status, 200, old);
      assert.match(await response.text(), new RegExp(`http-equiv="refresh" content="0; url=${list}"`), `${old} redirects to ${list}`);
    }
    for (const old of ['/blog/index.xml', '/blog/posts/index.xml', '/blog/notes/index.xml', '/blog/tags/index.xml']) {
      const response = await fetch(origin + old);
      assert.equal(response.status, 200, old);
      assert.equal(await response.text(), feed, `${old} is the site's feed`);
    }
    assert.match(await (await fetch(origin + '/blog/sitemap.xml')).text(), /categories\/essays\//);

    browser ??= await launchBrowser();
    const { page, pageErrors, close } = await openPage(browser);
    try {
      await page.goto(origin + '/blog/2021/03/first-light/');
      assert.equal(await appReady(page), true);
      await page.click('main a[href="/blog/categories/builds/"]');
      await page.waitForURL(origin + '/blog/categories/builds/');
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent?.includes('builds'));
      await page.click('header nav a[href="/blog/categories/"]');
      await page.waitForURL(origin + '/blog/categories/');
      await page.waitForFunction(() => document.querySelector('main h1')?.textContent?.trim() === 'Categories');
      assert.deepEqual(pageErrors, []);
    } finally {
      await close();
    }
  } finally {
    await server?.close();
    await r.remove();
  }
});
