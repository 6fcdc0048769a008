#!/usr/bin/env node
// Bundle load (CPU time of this process, see markdown.mjs): bytes (as
// fetch() gives them) into Quire's core, against
// V8's JSON.parse on the same bytes. Fair to JSON.parse's side means
// counting what the app would have to do with those bytes too:
// TextDecoder().decode(bytes) + JSON.parse. (JSON.parse of a ready string
// is shown as well, for reference.) Quire's side: copy into WASM memory,
// parse, validate, index.
//
//   node bench/load.mjs [--quick] [--repeats N]
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { blogSizes, cpuMs, loadCore, median, site, standalone } from './common.mjs';

/** @typedef {import('./common.mjs').Row} Row */
/** @typedef {import('./common.mjs').Context} Context */

/**
 * @param {Context} ctx
 * @param {Uint8Array} bytes
 * @param {any} core
 */
function measure(ctx, bytes, core) {
  const decoder = new TextDecoder();
  const text = decoder.decode(bytes);
  const quire = () => {
    core.prepareInput(bytes.length).set(bytes);
    const r = core.loadBundle();
    if (!r.ok) throw new Error(`load failed: ${r.message}`);
    core.releaseBundle(r.handle);
  };
  const json = () => JSON.parse(decoder.decode(bytes));
  const jsonOnly = () => JSON.parse(text);
  const samples = { quire: /** @type {number[]} */ ([]), json: /** @type {number[]} */ ([]), jsonOnly: /** @type {number[]} */ ([]) };
  quire();
  json();
  // Interleaved, so that a busy neighbour slows both alike.
  for (let s = 0; s < Math.max(ctx.repeats, 5); s += 1) {
    let t0 = cpuMs();
    quire();
    samples.quire.push(cpuMs() - t0);
    t0 = cpuMs();
    json();
    samples.json.push(cpuMs() - t0);
    t0 = cpuMs();
    jsonOnly();
    samples.jsonOnly.push(cpuMs() - t0);
  }
  return { quire: median(samples.quire), json: median(samples.json), jsonOnly: median(samples.jsonOnly) };
}

/** @param {Context} ctx @returns {Promise<Row[]>} */
export async function run(ctx) {
  const core = await loadCore();
  /** @type {Row[]} */
  const rows = [];
  for (const posts of blogSizes(ctx)) {
    const forms = [
      { label: 'single bundle.json', blog: await site(ctx, posts, { split: 0 }), file: 'bundle.json' },
      { label: 'split index', blog: await site(ctx, posts), file: 'bundle.json' },
    ];
    for (const { label, blog, file } of forms) {
      const bytes = new Uint8Array(await readFile(path.join(blog.dist, file)));
      const m = measure(ctx, bytes, core);
      const section = `bundle load: ${posts} posts, ${label} (${(bytes.length / 1e6).toFixed(1)} MB)`;
      const ratio = m.quire / m.json;
      rows.push({ section, what: 'Quire loadBundle(bytes)', value: m.quire, unit: 'ms', ratio: `${ratio.toFixed(2)}× JSON.parse` });
      rows.push({ section, what: 'TextDecoder.decode + JSON.parse', value: m.json, unit: 'ms' });
      rows.push({ section, what: 'JSON.parse (string given)', value: m.jsonOnly, unit: 'ms', note: 'reference' });
      if (label.startsWith('single')) {
        rows.push({ section: 'budget', what: `bundle load ${posts}`, value: ratio, unit: '×',
          budget: { pass: ratio <= 1.0, line: `bundle load ≤ 1.0× JSON.parse (${posts} posts, single bundle, decode included): ${ratio.toFixed(2)}×` } });
      }
    }
  }
  return rows;
}

await standalone(import.meta.url, run);
