#!/usr/bin/env node
// Two builds of the WASM core against each other, interleaved in one process
// (so that a busy machine slows both alike): bundle load (1,000 posts, the
// single bundle.json and the split index), markdown (200 synthetic post
// bodies, as the app renders them) and views (renderPath of five paths).
// CPU time per round, the median of the rounds, and B/A. For size work:
// copy build/wasm's quire-core.{js,wasm} aside before a change, then
//
//   node bench/wasm-ab.mjs <dir A> <dir B> [rounds]     (default 25)
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { cpuMs, makeContext, median, repoRoot, site } from './common.mjs';

const { renderMarkdownWith } = await import(pathToFileURL(path.join(repoRoot, 'web/quire.js')).href);
const [dirA, dirB, roundsArg] = process.argv.slice(2);
if (!dirA || !dirB) throw new Error('usage: node bench/wasm-ab.mjs <dir A> <dir B> [rounds]');
const rounds = Number(roundsArg ?? 25);

/** @param {string} dir */
async function core(dir) {
  const glue = pathToFileURL(path.resolve(dir, 'quire-core.js'));
  glue.search = `?${encodeURIComponent(path.resolve(dir))}`;  // a module of its own per directory
  const { default: create } = await import(glue.href);
  return create({ wasmBinary: await readFile(path.resolve(dir, 'quire-core.wasm')) });
}
const cores = [await core(dirA), await core(dirB)];

const ctx = makeContext([]);
const single = await site(ctx, 1000, { split: 0 });
const split = await site(ctx, 1000);
const singleBytes = new Uint8Array(await readFile(path.join(single.dist, 'bundle.json')));
const splitBytes = new Uint8Array(await readFile(path.join(split.dist, 'bundle.json')));
const bodies = [];
for (const f of (await readdir(path.join(single.content, 'posts'))).sort().slice(0, 200)) {
  const text = await readFile(path.join(single.content, 'posts', f), 'utf8');
  bodies.push(text.slice(text.indexOf('\n---\n', 3) + 5));
}

/** @param {any} c @param {Uint8Array} bytes */
function load(c, bytes) {
  c.prepareInput(bytes.length).set(bytes);
  const r = c.loadBundle();
  if (!r.ok) throw new Error(`load failed: ${r.message}`);
  return r.handle;
}
const handles = cores.map((c) => load(c, singleBytes));
const paths = ['/', '/page/3/', '/tags/', '/archive/', '/search/?q=the'];
/** @type {Record<string, (c: any, i: number) => void>} */
const tasks = {
  'load single': (c) => { for (let k = 0; k < 5; k += 1) c.releaseBundle(load(c, singleBytes)); },
  'load split': (c) => { for (let k = 0; k < 10; k += 1) c.releaseBundle(load(c, splitBytes)); },
  markdown: (c) => { for (let k = 0; k < 3; k += 1) for (const b of bodies) renderMarkdownWith(c, b); },
  renderPath: (c, i) => { for (let k = 0; k < 20; k += 1) for (const p of paths) c.renderPath(handles[i], p, 'main'); },
};
/** @type {Record<string, number[][]>} */
const samples = {};
for (const name of Object.keys(tasks)) {
  samples[name] = [[], []];
  for (const i of [0, 1]) tasks[name](cores[i], i);  // warm up
}
for (let r = 0; r < rounds; r += 1) {
  for (const name of Object.keys(tasks)) {
    for (const i of r % 2 ? [1, 0] : [0, 1]) {
      const start = cpuMs();
      tasks[name](cores[i], i);
      samples[name][i].push(cpuMs() - start);
    }
  }
}
for (const name of Object.keys(tasks)) {
  const a = median(samples[name][0]);
  const b = median(samples[name][1]);
  console.log(`${name.padEnd(12)} A ${a.toFixed(2)} ms  B ${b.toFixed(2)} ms  B/A ${(b / a).toFixed(3)}`);
}
