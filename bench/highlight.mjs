#!/usr/bin/env node
// Build-time syntax highlighting (src/highlight): how fast the native build
// highlights code (MB of code a second, CPU time: `quire render --highlight
// --bench` minus `quire render --bench` over the same documents), and what
// the token runs add to the bundle (gzip, against the code's own bytes).
// The code is the repository's own (C++, JavaScript, CSS, shell, JSON,
// YAML), one fenced block per file.
//
//   node bench/highlight.mjs [--quick]
import { spawnSync } from 'node:child_process';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

import { median, quireCli, repoRoot, standalone } from './common.mjs';

/** @typedef {import('./common.mjs').Row} Row */
/** @typedef {import('./common.mjs').Context} Context */

const sources = [['src/core', '.cpp', 'cpp'], ['src/build', '.cpp', 'cpp'], ['web', '.js', 'javascript'],
  ['web', '.css', 'css'], ['scripts', '.sh', 'bash'], ['bench', '.mjs', 'js'], ['content', '.yaml', 'yaml']];

/** @returns {Promise<{lang: string, code: string}[]>} */
async function corpus() {
  const blocks = [];
  for (const [dir, ext, lang] of sources)
    for (const f of (await readdir(path.join(repoRoot, dir))).filter((n) => n.endsWith(ext)).sort())
      blocks.push({ lang, code: (await readFile(path.join(repoRoot, dir, f), 'utf8')).replaceAll('```', "'''") });
  blocks.push({ lang: 'json', code: await readFile(path.join(repoRoot, 'package.json'), 'utf8') });
  return blocks;
}

/** @param {string} input @param {string[]} args @returns {number} CPU seconds */
function renderCpu(input, args) {
  const r = spawnSync(quireCli, ['render', ...args], { input, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`quire render ${args.join(' ')}: ${r.stderr}`);
  return JSON.parse(r.stdout).cpu_seconds;
}

const gzip = (/** @type {string} */ s) => zlib.gzipSync(s, { level: 9 }).length;

/** @param {Context} ctx @returns {Promise<Row[]>} */
export async function run(ctx) {
  const blocks = await corpus();
  const docs = blocks.map((b) => `\`\`\`${b.lang}\n${b.code}\n\`\`\`\n`);
  const codeBytes = blocks.reduce((n, b) => n + Buffer.byteLength(b.code), 0);
  const rounds = ctx.quick ? 2 : 5;
  const input = docs.join('\0');
  const plain = [], highlighted = [];
  for (let i = 0; i < ctx.repeats; i += 1) {
    plain.push(renderCpu(input, ['--bench', String(rounds)]));
    highlighted.push(renderCpu(input, ['--highlight', '--bench', String(rounds)]));
  }
  const seconds = median(highlighted) - median(plain);
  /** @type {Row[]} */
  const rows = [{ section: 'highlight (native, 1 thread)', what: 'code highlighted', value: (codeBytes * rounds) / seconds / 1e6,
    unit: 'MB/s', note: `${(codeBytes / 1024).toFixed(0)} KB of C++, JS, CSS, shell, JSON, YAML; CPU time` }];

  // The bundle of a blog whose posts are these files, with and without tokens.
  const dir = path.join(ctx.workDir, 'highlight-blog');
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, 'posts'), { recursive: true });
  await writeFile(path.join(dir, 'site.yaml'), 'title: Code\n');
  for (const [i, doc] of docs.entries())
    await writeFile(path.join(dir, 'posts', `p${i}.md`), `---\ntitle: P${i}\ndate: 2024-01-01\n---\n\nText.\n\n${doc}`);
  const out = path.join(ctx.workDir, 'highlight-dist');
  const built = spawnSync(quireCli, ['build', dir, '-o', out], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`quire build: ${built.stderr}`);
  const bundle = JSON.parse(await readFile(path.join(out, 'bundle.json'), 'utf8'));
  const withTokens = gzip(JSON.stringify(bundle));
  for (const p of bundle.posts) delete p.code;
  const withoutTokens = gzip(JSON.stringify(bundle));
  const kb = (/** @type {number} */ n) => n / 1024;
  rows.push({ section: 'highlight: bundle', what: 'bundle gzip without tokens', value: kb(withoutTokens), unit: 'KB' });
  rows.push({ section: 'highlight: bundle', what: 'bundle gzip with tokens', value: kb(withTokens), unit: 'KB',
    note: `+${(100 * (withTokens - withoutTokens) / codeBytes).toFixed(1)} % of the code's ${(codeBytes / 1024).toFixed(0)} KB` });
  const growth = (withTokens - withoutTokens) / codeBytes;
  rows.push({ section: 'budget', what: 'token runs (gzip) per code byte', value: 100 * growth, unit: '%',
    budget: { pass: growth <= 0.35, line: `tokens add ${(100 * growth).toFixed(1)} % of the code bytes, gzip (≤ 35 %)` } });
  await rm(dir, { recursive: true, force: true });
  await rm(out, { recursive: true, force: true });
  return rows;
}

await standalone(import.meta.url, run);
