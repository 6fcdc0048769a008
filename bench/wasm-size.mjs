#!/usr/bin/env node
// What the WASM core's bytes are: its sections, its largest functions and
// each source file's (or library's) share of the code and data sections.
//
// Builds the module once more in build/wasm-names, with the flags of
// build/wasm plus a names section (--profiling-funcs: the same code, its
// functions named) and a link map (wasm-ld --Map: which object each
// function and each piece of data came from). Function sizes are the
// optimised bodies of the named build; a function is given to a file by the
// link map, or, for the cold code that is link-time optimised together (the
// map says "lto.tmp"), by the symbol tables of the core's bitcode objects.
// Functions inlined into others count where they were inlined. Data sizes
// are the link map's (before wasm-opt, which changes little there).
//
//   node bench/wasm-size.mjs [--no-build] [--top N] [--wasm file.wasm]
//
// --wasm reads the sections and function sizes of any module with a names
// section, without per-file totals.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const option = (/** @type {string} */ name) => {
  const at = argv.indexOf(name);
  return at >= 0 ? argv[at + 1] : undefined;
};
const top = Number(option('--top') ?? 20);
const namedDir = path.join(root, 'build/wasm-names');
const mapFile = path.join(namedDir, 'quire-core.map');

/** @param {string} cmd @param {string[]} args @param {object} [options] */
function run(cmd, args, options = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...options });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
}

function buildNamed() {
  const env = { ...process.env, NODE_PATH: `/usr/share/nodejs${process.env.NODE_PATH ? `:${process.env.NODE_PATH}` : ''}` };
  // emcc 3.1.6 drops -Wl,--Map (it takes it for -M); --print-map writes the
  // map to the link's standard output instead.
  run('emcmake', ['cmake', '-S', root, '-B', namedDir, '-DCMAKE_BUILD_TYPE=Release',
    '-DCMAKE_EXE_LINKER_FLAGS=--profiling-funcs -Wl,--print-map',
    `-DCMAKE_CROSSCOMPILING_EMULATOR=${run('sh', ['-c', 'command -v node']).trim()};--no-experimental-fetch`], { env });
  rmSync(path.join(namedDir, 'quire-core.js'), { force: true });  // link again: the map is its output
  const out = run('cmake', ['--build', namedDir, '-j2', '--target', 'quire_wasm'], { env });
  writeFileSync(mapFile, out);
}

// ------------------------------------------------------------------ the binary

/** @param {Uint8Array} bytes @param {number} at @returns {[number, number]} value, next offset */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [value, at];
  }
}

const sectionNames = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'element', 'code', 'data', 'datacount'];

/**
 * Sections, function bodies (by function index) and the names section's names.
 * @param {Uint8Array} bytes
 */
function readModule(bytes) {
  const decoder = new TextDecoder();
  /** @type {Array<{name: string, size: number, start: number, end: number}>} */
  const sections = [];
  /** @type {Map<number, string>} */
  const names = new Map();
  /** @type {number[]} body sizes, in code section order */
  const bodies = [];
  /** @type {number[]} data segment sizes */
  const segments = [];
  let importedFunctions = 0;
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    let size;
    [size, at] = leb(bytes, at + 1);
    const start = at;
    const end = at + size;
    let name = sectionNames[id] ?? `unknown ${id}`;
    if (id === 0) {
      let n;
      [n, at] = leb(bytes, at);
      name = `custom "${decoder.decode(bytes.subarray(at, at + n))}"`;
      at += n;
      if (name === 'custom "name"') {
        while (at < end) {
          const sub = bytes[at];
          let subSize;
          [subSize, at] = leb(bytes, at + 1);
          const subEnd = at + subSize;
          if (sub === 1) {
            let count;
            [count, at] = leb(bytes, at);
            for (let i = 0; i < count; i += 1) {
              let index, length;
              [index, at] = leb(bytes, at);
              [length, at] = leb(bytes, at);
              names.set(index, decoder.decode(bytes.subarray(at, at + length)));
              at += length;
            }
          }
          at = subEnd;
        }
      }
    } else if (id === 2) {
      let count;
      [count, at] = leb(bytes, at);
      for (let i = 0; i < count; i += 1) {
        for (let k = 0; k < 2; k += 1) {  // module and field names
          let n;
          [n, at] = leb(bytes, at);
          at += n;
        }
        const kind = bytes[at++];
        if (kind === 0) { [, at] = leb(bytes, at); importedFunctions += 1; }
        else if (kind === 1) { at += 1; const flags = bytes[at++]; [, at] = leb(bytes, at); if (flags & 1) [, at] = leb(bytes, at); }
        else if (kind === 2) { const flags = bytes[at++]; [, at] = leb(bytes, at); if (flags & 1) [, at] = leb(bytes, at); }
        else if (kind === 3) { at += 2; }
      }
    } else if (id === 10) {
      let count;
      [count, at] = leb(bytes, at);
      for (let i = 0; i < count; i += 1) {
        const before = at;
        let n;
        [n, at] = leb(bytes, at);
        bodies.push(at - before + n);
        at += n;
      }
    } else if (id === 11) {
      let count;
      [count, at] = leb(bytes, at);
      for (let i = 0; i < count; i += 1) {
        const before = at;
        let flags;
        [flags, at] = leb(bytes, at);
        if (flags === 2) [, at] = leb(bytes, at);
        if (flags !== 1) { while (bytes[at] !== 0x0b) at += 1; at += 1; }  // the offset expression
        let n;
        [n, at] = leb(bytes, at);
        segments.push(n);
        at += n;
        void before;
      }
    }
    sections.push({ name, size, start, end });
    at = end;
  }
  const functions = bodies.map((size, i) => ({ index: importedFunctions + i, size,
    name: names.get(importedFunctions + i) ?? `function ${importedFunctions + i}` }));
  return { sections, functions, segments };
}

/** The module without its custom sections (what ships). @param {Uint8Array} bytes */
function stripCustom(bytes, sections) {
  const parts = [bytes.subarray(0, 8)];
  let at = 8;
  for (const s of sections) {
    // The section's header starts before s.start: id byte and size.
    let headerStart = at;
    if (!s.name.startsWith('custom')) parts.push(bytes.subarray(headerStart, s.end));
    at = s.end;
  }
  return Buffer.concat(parts);
}

// ------------------------------------------------------------------ attribution

/** Short names for where code comes from. @param {string} object */
function fileLabel(object) {
  const member = object.match(/lib(quire_core|md4c)\.a\(([\w.+-]+?)\.o\)/);
  if (member) return member[1] === 'md4c' ? `md4c/${member[2]}` : `src/core/${member[2]}`;
  const md4c = object.match(/third_party\/.*\/(md4c[\w-]*\.c)\.o$/);
  if (md4c) return `md4c/${md4c[1]}`;
  const own = object.match(/CMakeFiles\/[\w.]+\.dir\/(.+?)\.o$/);
  if (own) return own[1].replace(/^generated\//, 'generated/');
  if (/bindings\.cpp\.o/.test(object)) return 'wasm/bindings.cpp';
  const lib = object.match(/\/lib([\w+]+?)(?:-[\w-]*)?\.a\b/);
  if (lib) return `lib${lib[1]} (Emscripten)`;
  return path.basename(object);
}

/**
 * From the link map (wasm-ld --print-map): function symbol -> object, and
 * data bytes per object. Lines: VMA, offset, size (hex), then the output
 * section ("CODE", "DATA", ".rodata"), an input section
 * "object:(symbol)" or a symbol, deeper indented.
 * @param {string} text
 */
function readMap(text) {
  /** @type {Map<string, string>} */
  const functionObject = new Map();
  /** @type {Array<{object: string, symbol: string, size: number}>} */
  const data = [];
  let section = '';
  let object = '';
  for (const line of text.split('\n')) {
    const m = line.match(/^\s*([0-9a-f]+|-)\s+([0-9a-f]+)\s+([0-9a-f]+) (.*)$/i);
    if (!m) continue;
    const size = parseInt(m[3], 16);
    const what = m[4].trim();
    const input = what.match(/^(\S+?):\((.*)\)$/);
    if (!input && /^(CODE|DATA|\.[\w.]+|[A-Z]+)$/.test(what)) { section = what; continue; }
    if (input) {
      object = input[1];
      if (section === 'CODE') functionObject.set(input[2], object);
      else if (section !== 'CUSTOM' && !/bss/.test(input[2]) && !/bss/.test(section)) {
        data.push({ object, symbol: input[2].replace(/^\.(rodata|data)\./, ''), size });
      }
    } else if (section === 'CODE') {
      functionObject.set(what, object);
    }
  }
  return { functionObject, data };
}

/** Symbols defined by each of the core's objects (bitcode or not). @param {string} dir */
function objectSymbols(dir) {
  /** @type {Map<string, string>} */
  const bySymbol = new Map();
  const objects = [];
  const walk = (/** @type {string} */ d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.o')) objects.push(p);
    }
  };
  walk(path.join(dir, 'CMakeFiles'));
  for (const o of objects) {
    const out = spawnSync('llvm-nm', ['--defined-only', o], { encoding: 'utf8', maxBuffer: 1 << 26 });
    for (const line of out.stdout.split('\n')) {
      const m = line.match(/^\S*\s+([tTwWdDrRvV])\s+(\S+)$/);
      if (m && !bySymbol.has(m[2])) bySymbol.set(m[2], o);
    }
  }
  const names = [...bySymbol.keys()];
  const pretty = demangle(names);
  names.forEach((n, i) => { if (pretty[i] && !bySymbol.has(pretty[i])) bySymbol.set(pretty[i], /** @type {string} */ (bySymbol.get(n))); });
  return bySymbol;
}

/**
 * Function sizes as compiled into each object that is not bitcode (the hot
 * sources and md4c), before wasm-opt: it inlines every function that has
 * one caller into that caller, so the optimised module's largest
 * "functions" are often several (BundleReader::read holds the whole
 * reader). Read from the objects' symbol tables (a function's size: the
 * distance to the next one's start in the code section).
 * @param {string} dir
 */
function compiledFunctions(dir) {
  /** @type {Array<{object: string, name: string, size: number}>} */
  const out = [];
  const walk = (/** @type {string} */ d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.o')) {
        const r = spawnSync('llvm-objdump', ['-t', p], { encoding: 'utf8', maxBuffer: 1 << 26 });
        if (r.status !== 0) continue;  // bitcode (the link-time optimised cold code)
        /** @type {Array<[number, string]>} */
        const starts = [];
        for (const line of r.stdout.split('\n')) {
          const f = line.trim().split(/\s+/);
          if (f.length >= 4 && f[f.length - 3] === 'F' && f[f.length - 2] === 'CODE') starts.push([parseInt(f[0], 16), f[f.length - 1]]);
        }
        starts.sort((x, y) => x[0] - y[0]);
        starts.forEach(([at, name], i) => {
          if (i + 1 < starts.length) out.push({ object: p, name, size: starts[i + 1][0] - at });
        });
      }
    }
  };
  walk(path.join(dir, 'CMakeFiles'));
  return out;
}

/** @param {string[]} names */
function demangle(names) {
  const r = spawnSync('llvm-cxxfilt', [], { input: names.join('\n'), encoding: 'utf8', maxBuffer: 1 << 26 });
  return r.status === 0 ? r.stdout.split('\n') : names;
}

// ------------------------------------------------------------------ report

const kb = (/** @type {number} */ n) => `${(n / 1024).toFixed(1)} KB`;
const pad = (/** @type {string} */ s, /** @type {number} */ n) => s.padStart(n);

function main() {
  const given = option('--wasm');
  if (!given && !argv.includes('--no-build')) buildNamed();
  const wasmPath = given ?? path.join(namedDir, 'quire-core.wasm');
  const bytes = new Uint8Array(readFileSync(wasmPath));
  const { sections, functions, segments } = readModule(bytes);
  const shipped = stripCustom(bytes, sections);
  const gzip = zlib.gzipSync(shipped, { level: 9 }).length;
  console.log(`${path.relative(root, wasmPath)}: ${kb(shipped.length)} raw, ${kb(gzip)} gzip -9 (custom sections left out)`);
  console.log('\nSections:');
  for (const s of sections) {
    // The code and data sections also gzipped alone (what each would cost).
    const alone = s.name === 'code' || s.name === 'data'
      ? `  (${kb(zlib.gzipSync(bytes.subarray(s.start, s.end), { level: 9 }).length)} gzip -9 alone)` : '';
    console.log(`  ${pad(kb(s.size), 10)}  ${s.name}${alone}`);
  }
  const dataTotal = segments.reduce((a, b) => a + b, 0);
  console.log(`  (${segments.length} data segments, ${kb(dataTotal)})`);

  const demangled = demangle(functions.map((f) => f.name));
  functions.forEach((f, i) => { f.pretty = demangled[i] || f.name; });
  const sorted = [...functions].sort((a, b) => b.size - a.size);
  const codeTotal = functions.reduce((a, f) => a + f.size, 0);
  console.log(`\nTop ${top} functions of ${functions.length} (code ${kb(codeTotal)}):`);
  for (const f of sorted.slice(0, top)) {
    const name = f.pretty.length > 110 ? `${f.pretty.slice(0, 107)}...` : f.pretty;
    console.log(`  ${pad(String(f.size), 7)}  ${name}`);
  }

  if (given || !existsSync(mapFile)) return;
  const { functionObject, data } = readMap(readFileSync(mapFile, 'utf8'));
  const bitcode = objectSymbols(namedDir);
  /** @type {Map<string, number>} */
  const dataBytes = new Map();
  for (const d of data) {
    const object = /lto\.tmp/.test(d.object) ? bitcode.get(d.symbol) ?? d.object : d.object;
    const label = fileLabel(object);
    dataBytes.set(label, (dataBytes.get(label) ?? 0) + d.size);
  }
  /** @type {Map<string, {code: number, functions: number}>} */
  const perFile = new Map();
  for (const f of functions) {
    let object = functionObject.get(f.name) ?? functionObject.get(f.pretty) ?? '';
    if (!object || /lto\.tmp/.test(object)) object = bitcode.get(f.name) ?? bitcode.get(f.pretty) ?? (object || '(unattributed)');
    const label = fileLabel(object);
    const entry = perFile.get(label) ?? { code: 0, functions: 0 };
    entry.code += f.size;
    entry.functions += 1;
    perFile.set(label, entry);
  }
  console.log(`\nPer file (code: optimised bodies; data: link map):`);
  console.log(`  ${pad('code', 9)}  ${pad('funcs', 5)}  ${pad('data', 9)}  file`);
  const labels = [...new Set([...perFile.keys(), ...dataBytes.keys()])]
    .sort((a, b) => ((perFile.get(b)?.code ?? 0) + (dataBytes.get(b) ?? 0)) - ((perFile.get(a)?.code ?? 0) + (dataBytes.get(a) ?? 0)));
  for (const label of labels.slice(0, Math.max(top, 30))) {
    const e = perFile.get(label) ?? { code: 0, functions: 0 };
    console.log(`  ${pad(kb(e.code), 9)}  ${pad(String(e.functions), 5)}  ${pad(kb(dataBytes.get(label) ?? 0), 9)}  ${label}`);
  }

  // The native side's writers (nlohmann-json) are in the objects too; the
  // link drops them. "(inlined or unused)": no function of that name is left in the
  // module (put into its callers, or not linked).
  const kept = new Set(functions.flatMap((f) => [f.name, f.pretty]));
  const compiled = compiledFunctions(namedDir);
  const compiledNames = demangle(compiled.map((f) => f.name));
  const shown = compiled.map((f, i) => ({ ...f, pretty: compiledNames[i] || f.name }))
    .filter((f) => !/nlohmann|write_|_json\(|content_hash|site_json|add_code/.test(f.pretty))
    .sort((x, y) => y.size - x.size);
  console.log(`\nTop ${top} functions as compiled (objects that are not bitcode), before wasm-opt inlines single callers:`);
  for (const f of shown.slice(0, top)) {
    const name = f.pretty.length > 90 ? `${f.pretty.slice(0, 87)}...` : f.pretty;
    const inlined = kept.has(f.name) || kept.has(f.pretty) ? '' : ' (inlined or unused)';
    console.log(`  ${pad(String(f.size), 7)}  ${fileLabel(f.object).padEnd(22)}  ${name}${inlined}`);
  }
}

main();
