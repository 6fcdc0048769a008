#!/usr/bin/env node
// The app's files as shipped: web/ with its JS and CSS minified by esbuild
// (the first load is a budget: about half the gzipped bytes of the readable
// sources), everything else copied. `quire build` copies from the output
// (build/web by default, see CMakeLists.txt); web/ stays the source.
//
//   node scripts/minify-web.mjs [web dir] [out dir]
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { transform } from 'esbuild';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const from = path.resolve(process.argv[2] ?? path.join(repoRoot, 'web'));
const to = path.resolve(process.argv[3] ?? path.join(repoRoot, 'build/web'));

/** @type {Record<string, 'js' | 'css'>} */
const loaders = { '.js': 'js', '.css': 'css' };

await mkdir(to, { recursive: true });
for (const entry of await readdir(from, { withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const source = await readFile(path.join(from, entry.name));
  const loader = loaders[path.extname(entry.name)];
  // ES modules stay ES modules (format 'esm', no bundling: imports are kept).
  const out = loader
    ? (await transform(source.toString('utf8'), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined,
        sourcefile: entry.name, logLevel: 'error' })).code
    : source;
  const target = path.join(to, entry.name);
  const old = await readFile(target).catch(() => null);
  if (!old || !old.equals(Buffer.from(out))) await writeFile(target, out);
}
