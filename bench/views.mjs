#!/usr/bin/env node
// Data for the first client-side view (issue 17, item 5): the bytes (gzip
// -9, as a CDN serves them) of bundle.json and of every file the core names
// in a view's `needs` until it renders, for home, a tag, a month and a
// post, on the 1,000- and 10,000-post blogs (split form: sharded). The core
// decides what is fetched (WASM, in node), as the app's render loop does;
// prefetching is not counted. A post view is measured twice: as the first
// client-side view (index included) and after the home page (what opening
// a post adds); its budget is its chunk plus 50 KB.
//
//   node bench/views.mjs [--quick]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { blogSizes, loadCore, site, standalone } from './common.mjs';

/** @typedef {import('./common.mjs').Row} Row */
/** @typedef {import('./common.mjs').Context} Context */

const kb = (/** @type {number} */ n) => n / 1024;

/**
 * A blog loaded in the core, counting every file it is given.
 * @param {any} core @param {string} dist
 */
async function session(core, dist) {
  /** @type {Map<string, number>} file -> gzip bytes */
  const fetched = new Map();
  const gzipOf = (/** @type {Buffer} */ data) => zlib.gzipSync(data, { level: 9 }).length;
  const bundle = await readFile(path.join(dist, 'bundle.json'));
  fetched.set('bundle.json', gzipOf(bundle));
  core.prepareInput(bundle.length).set(bundle);
  const loaded = core.loadBundle();
  if (!loaded.ok) throw new Error(`bundle.json: ${loaded.message}`);
  const handle = loaded.handle;
  return {
    /** Renders `route`, adding what it needs; the view and the files it fetched. @param {string} route */
    async view(route) {
      /** @type {string[]} */
      const files = [];
      let r = core.renderPath(handle, route, 'app');
      for (let round = 0; r.needs && round < 6; round += 1) {
        for (const file of r.needs.split('\n').filter(Boolean)) {
          if (fetched.has(file)) continue;
          const data = await readFile(path.join(dist, file));
          core.prepareInput(data.length).set(data);
          const added = core.addFile(handle, file);
          if (!added.ok) throw new Error(`${file}: ${added.message}`);
          fetched.set(file, gzipOf(data));
          files.push(file);
        }
        r = core.renderPath(handle, route, 'app');
      }
      if (r.needs) throw new Error(`${route}: still needs ${r.needs}`);
      return { html: String(r.html), files, bytes: files.reduce((sum, f) => sum + (fetched.get(f) ?? 0), 0) };
    },
    indexBytes: /** @type {number} */ (fetched.get('bundle.json')),
    /** @param {string} file */
    bytesOf: (file) => fetched.get(file) ?? 0,
    release: () => core.releaseBundle(handle),
  };
}

/** The first link in `html` to /<kind>/<name>/. @param {string} html @param {string} kind */
function firstLink(html, kind) {
  const m = html.match(new RegExp(`href="(/${kind}/[^/"]+/)"`));
  if (!m) throw new Error(`no link to /${kind}/…`);
  return m[1];
}

/** @param {Context} ctx @returns {Promise<Row[]>} */
export async function run(ctx) {
  const core = await loadCore();
  /** @type {Row[]} */
  const rows = [];
  for (const posts of blogSizes(ctx)) {
    const blog = await site(ctx, posts);
    const section = `first client-side view: ${posts} posts (data, gzip)`;
    // Routes: a tag and a post of the home page, a month in the middle.
    const probe = await session(core, blog.dist);
    const home = await probe.view('/');
    const tag = firstLink(home.html, 'tags');
    const month = '/archive/2020/06/';
    const monthView = await probe.view(month);
    const post = firstLink(monthView.html, 'posts');
    probe.release();

    /** @type {Array<[string, string]>} */
    const views = [['home', '/'], [`tag ${tag}`, tag], [`month ${month}`, month], [`post ${post}`, post]];
    for (const [label, route] of views) {
      const s = await session(core, blog.dist);
      const v = await s.view(route);
      const total = s.indexBytes + v.bytes;
      const chunk = v.files.filter((f) => !f.includes('/posts-')).reduce((sum, f) => sum + s.bytesOf(f), 0);
      rows.push({ section, what: label, value: kb(total), unit: 'KB',
        note: `bundle.json ${kb(s.indexBytes).toFixed(1)} KB + ${v.files.length} file(s) ${kb(v.bytes).toFixed(1)} KB` });
      if (posts >= 10000 && !label.startsWith('post')) {
        rows.push({ section: 'budget', what: `first view ${label.split(' ')[0]} ${posts}`, value: kb(total), unit: 'KB',
          budget: { pass: kb(total) <= 200, line: `first client-side view, ${label.split(' ')[0]}, ${posts} posts: data ≤ 200 KB gzip: ${kb(total).toFixed(1)} KB` } });
      }
      if (label.startsWith('post')) {
        // After the home page: what opening the post adds.
        const after = await session(core, blog.dist);
        await after.view('/');
        const opened = await after.view(route);
        const chunkAfter = opened.files.filter((f) => !f.includes('/posts-')).reduce((sum, f) => sum + after.bytesOf(f), 0);
        const extra = opened.bytes - chunkAfter;
        rows.push({ section, what: `${label} after home`, value: kb(opened.bytes), unit: 'KB',
          note: `chunk ${kb(chunkAfter).toFixed(1)} KB + shards ${kb(extra).toFixed(1)} KB` });
        if (posts >= 10000) {
          rows.push({ section: 'budget', what: `post view ${posts}`, value: kb(extra), unit: 'KB',
            budget: { pass: kb(extra) <= 50, line: `post view after a first view, ${posts} posts: ≤ its chunk + 50 KB: chunk + ${kb(extra).toFixed(1)} KB` } });
          const cold = total - chunk;
          rows.push({ section: 'budget', what: `post view cold ${posts}`, value: kb(cold), unit: 'KB',
            budget: { pass: kb(cold) <= 50, line: `post view as the first client-side view (index included), ${posts} posts: ≤ its chunk + 50 KB: chunk + ${kb(cold).toFixed(1)} KB` } });
        }
      }
      s.release();
    }
  }
  return rows;
}

await standalone(import.meta.url, run);
