#!/usr/bin/env node
// Bundle load (CPU time of this process, see markdown.mjs): bytes (as
// fetch() gives them) into Quire's core, against
// V8's JSON.parse on the same bytes. Fair to JSON.parse's side means
// counting what the app would have to do with those bytes too:
// TextDecoder().decode(bytes) + JSON.parse. (JSON.parse of a ready string
// is shown as well, for reference.) Quire's side: copy into WASM memory,
// parse, validate, index, and release. Both forms are measured: the single
// bundle.json and the split index that blogs over split_bundle_over posts
// ship (bodies in chunks).
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
  let t0 = cpuMs();
  quire();
  json();
  // A sample times a batch of loads (the same number on each side) lasting
  // some 20 ms: a single small load is too short to time on a busy machine.
  const batch = Math.max(1, Math.min(50, Math.round(20 / Math.max(0.01, cpuMs() - t0))));
  /** @param {() => void} fn */
  const time = (fn) => {
    const start = cpuMs();
    for (let k = 0; k < batch; k += 1) fn();
    return (cpuMs() - start) / batch;
  };
  // Interleaved, so that a busy neighbour slows both alike.
  for (let s = 0; s < Math.max(ctx.repeats, 5); s += 1) {
    samples.quire.push(time(quire));
    samples.json.push(time(json));
    samples.jsonOnly.push(time(jsonOnly));
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
      const form = label.startsWith('single') ? 'single bundle' : 'split index';
      rows.push({ section: 'budget', what: `bundle load ${posts} ${form}`, value: ratio, unit: '×',
        budget: { pass: ratio <= 1.0, line: `bundle load ≤ 1.0× JSON.parse (${posts} posts, ${form}, decode included): ${ratio.toFixed(2)}×` } });
    }
  }
  return rows;
}

await standalone(import.meta.url, run);
