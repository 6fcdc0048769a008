#!/usr/bin/env node
// First-load download: every file the home page needs (its HTML, the app's
// JS, the WASM module, CSS, the favicon and the bundle or index), raw,
// gzip (level 9) and brotli (quality 11), as a CDN would serve them.
//
//   node bench/transfer.mjs [--quick]
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { blogSizes, site, standalone } from './common.mjs';

/** @typedef {import('./common.mjs').Row} Row */
/** @typedef {import('./common.mjs').Context} Context */

/** The app: the same for every blog. */
const appFiles = ['app.js', 'quire.js', 'footnote-preview.js', 'quire-core.js', 'quire-core.wasm', 'style.css'];

/** @param {Buffer} data */
function sizes(data) {
  return {
    raw: data.length,
    gzip: zlib.gzipSync(data, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/** @param {Context} ctx @returns {Promise<Row[]>} */
export async function run(ctx) {
  /** @type {Row[]} */
  const rows = [];
  const kb = (/** @type {number} */ n) => n / 1024;
  let first = true;
  for (const posts of blogSizes(ctx)) {
    const blog = await site(ctx, posts);
    const files = [...appFiles, 'favicon.svg', 'index.html', 'bundle.json'];
    const total = { raw: 0, gzip: 0, brotli: 0 };
    const app = { raw: 0, gzip: 0, brotli: 0 };
    for (const f of files) {
      const s = sizes(await readFile(path.join(blog.dist, f)));
      for (const k of /** @type {const} */ (['raw', 'gzip', 'brotli'])) {
        total[k] += s[k];
        if (appFiles.includes(f)) app[k] += s[k];
      }
      if (first && f === 'quire-core.wasm') {
        // Issue 19: the core, ≤ 100 KB gzip (stretch 80 KB).
        rows.push({ section: 'budget', what: 'WASM core', value: kb(s.gzip), unit: 'KB',
          budget: { pass: kb(s.gzip) <= 100, line: `WASM core (quire-core.wasm, gzip -9) ≤ 100 KB (stretch 80): ${kb(s.gzip).toFixed(1)} KB` } });
      }
      if (first || !appFiles.includes(f)) {
        const section = appFiles.includes(f) ? 'transfer: the app' : `transfer: ${posts} posts`;
        rows.push({ section, what: `${f} gzip`, value: kb(s.gzip), unit: 'KB',
          note: `raw ${kb(s.raw).toFixed(1)} KB, brotli ${kb(s.brotli).toFixed(1)} KB` });
      }
    }
    if (first) {
      rows.push({ section: 'transfer: the app', what: 'JS + WASM + CSS gzip', value: kb(app.gzip), unit: 'KB',
        note: `raw ${kb(app.raw).toFixed(1)} KB, brotli ${kb(app.brotli).toFixed(1)} KB` });
      rows.push({ section: 'budget', what: 'app transfer', value: kb(app.gzip), unit: 'KB',
        budget: { pass: kb(app.gzip) <= 80, line: `first-load transfer for the app (JS + WASM + CSS, gzip) ≤ 80 KB: ${kb(app.gzip).toFixed(1)} KB` } });
    }
    rows.push({ section: `transfer: ${posts} posts`, what: 'home page, everything, gzip', value: kb(total.gzip), unit: 'KB',
      note: `raw ${kb(total.raw).toFixed(1)} KB, brotli ${kb(total.brotli).toFixed(1)} KB` });
    first = false;
  }
  return rows;
}

await standalone(import.meta.url, run);
