#!/usr/bin/env node
// The app's files as shipped: web/ with its JS and CSS minified by esbuild
// (the first load is a budget: about half the gzipped bytes of the readable
// sources), everything else copied. `quire build` copies from the output
// (build/web by default, see CMakeLists.txt); web/ stays the source.
// app.js is shipped with the modules it imports (quire.js, the footnote
// previews) inside it: one request where there were three, which on an
// HTTP/1.1 host (six connections) let a client-rendered page's core and
// bundle start in the first round of requests (issue 19.4: 6-23 ms sooner
// in place, paired cold loads). quire.js and footnote-preview.js are still
// shipped on their own, for the widget and for embedders; what app.js
// loads when needed (the core's glue, math, diagrams) stays apart.
//
//   node scripts/minify-web.mjs [web dir] [out dir]
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build, transform } from 'esbuild';

/** @type {Record<string, 'js' | 'css'>} */
const loaders = { '.js': 'js', '.css': 'css' };

/**
 * A JS or CSS file's text minified (ES modules stay ES modules: format
 * 'esm', no bundling, imports kept); null for any other kind of file.
 * @param {string} source
 * @param {string} name  the file's name (its extension picks the loader)
 * @returns {Promise<string|null>}
 */
export async function minify(source, name) {
  const loader = loaders[path.extname(name)];
  if (!loader) return null;
  const { code } = await transform(source, { loader, minify: true, format: loader === 'js' ? 'esm' : undefined,
    sourcefile: name, logLevel: 'error' });
  return code;
}

/** Shipped with its static imports inside it. */
const bundled = new Set(['app.js']);

/**
 * A module with the modules it imports statically, minified; what it
 * imports dynamically (import()) stays a module of its own.
 * @param {string} file
 * @returns {Promise<string>}
 */
export async function minifyBundled(file) {
  const result = await build({ entryPoints: [file], bundle: true, format: 'esm', minify: true, write: false,
    logLevel: 'error',
    plugins: [{
      name: 'dynamic-imports-apart',
      setup(b) {
        b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
      },
    }] });
  return result.outputFiles[0].text;
}

async function main() {
  const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  const from = path.resolve(process.argv[2] ?? path.join(repoRoot, 'web'));
  const to = path.resolve(process.argv[3] ?? path.join(repoRoot, 'build/web'));
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const source = await readFile(path.join(from, entry.name));
    const out = bundled.has(entry.name) ? await minifyBundled(path.join(from, entry.name))
      : (await minify(source.toString('utf8'), entry.name)) ?? source;
    const target = path.join(to, entry.name);
    const old = await readFile(target).catch(() => null);
    if (!old || !old.equals(Buffer.from(out))) await writeFile(target, out);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
