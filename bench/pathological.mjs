#!/usr/bin/env node
// Linear time on md4c's pathological inputs (test/pathological_tests.py,
// ported) plus footnote-specific ones, through Quire's renderer (the WASM
// core, as the browser runs it). For each case: time at n and at 10n and
// their ratio; a linear renderer shows about 10×. Cases over 20× are marked.
// Where one is marked, compare md4c's own md2html on the same input: "many
// footnote definitions" is md4c 0.4.8's (20,000 lines that start like a
// link reference definition; md2html grows the same way).
import { renderMarkdown } from '../web/quire.js';
import { loadCore } from './common.mjs';

const rep = (s, n) => s.repeat(n);
const range = (n) => Array.from({ length: n }, (_, i) => i);

/** [name, input of size n] — sizes as in md4c's script at 10n. */
const cases = [
  ['nested strong emph', (n) => rep('*a **a ', n) + 'b' + rep(' a** a*', n)],
  ['many emph closers with no openers', (n) => rep('a_ ', n)],
  ['many emph openers with no closers', (n) => rep('_a ', n)],
  ['many 3-emph openers with no closers', (n) => rep('a***', n)],
  ['many link closers with no openers', (n) => rep('a]', n)],
  ['many link openers with no closers', (n) => rep('[a', n)],
  ['mismatched openers and closers', (n) => rep('*a_ ', n)],
  ['openers and closers multiple of 3', (n) => 'a**b' + rep('c* ', n)],
  ['link openers and emph closers', (n) => rep('[ a_', n)],
  ['nested brackets', (n) => rep('[', n) + 'a' + rep(']', n)],
  ['nested block quotes', (n) => rep('> ', n) + 'a'],
  // md4c's script grows these two quadratically; here they grow linearly
  // (bounded run lengths, repeated), so 10n really is ten times the bytes.
  ['backticks', (n) => range(n / 5).map((x) => 'e' + rep('`', (x % 100) + 1)).join('')],
  ['many links', (n) => rep('[t](/u) ', n)],
  ['many references', (n) => range(n * 4).map((x) => `[${x + 1}]: u\n`).join('') + rep('[0] ', n)],
  ['deeply nested lists', (n) => range(n / 10).map((x) => rep('  ', x % 50) + '* a\n').join('')],
  ['many html openers and closers', (n) => rep('<>', n)],
  ['many html proc. inst. openers', (n) => 'x' + rep('<?', n)],
  ['many html CDATA openers', (n) => 'x' + rep('<![CDATA[', n)],
  ['many backticks and escapes', (n) => rep('\\``', n)],
  ['many broken link titles', (n) => rep('[ (](', n)],
  ['broken thematic break', (n) => rep('* ', n) + 'a'],
  // Ours: footnotes are handled around md4c, so they get cases of their own.
  ['many footnote references', (n) => rep('x[^a] ', n) + '\n\n[^a]: note\n'],
  ['many footnote definitions', (n) => range(n).map((x) => `[^${x}]: note ${x}\n`).join('') + range(n).map((x) => `[^${x}]`).join(' ')],
  ['footnote openers with no closers', (n) => rep('[^', n)],
  ['undefined footnote references', (n) => rep('[^nope] ', n)],
  ['footnote references as link tails', (n) => rep('[^a](', n)],
  ['bare URLs with marks', (n) => rep('http://a.b/~', n)],
  ['nested brackets with a definition', (n) => '[x]: /foo\n\n' + rep('[', n) + rep(']', n)],
  ['a bracket pair on every line', (n) => '[b]: /u\n\n' + rep('[b]\n', n)],
  ['stray raw end tags', (n) => rep('<ul></span>', n)],
  ['a link opener on every line', (n) => rep('[a](\n', n)],
];

/**
 * The fastest of `runs` renders (the same count at n and 10n, so that the
 * two minimums are alike): the cost of the input itself, with as little of
 * the machine's noise as can be had. (The median of 5 renders at n and 3
 * at 10n once gave a 0.24 ms case a 5 ms outlier at 10n, for a 20.8×
 * "superlinear" verdict; alone it measured 5-11×.)
 */
async function time(input, runs) {
  await renderMarkdown(input);  // warm up
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await renderMarkdown(input);
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

const small = Number(process.env.QUIRE_PATHOLOGICAL_N ?? 5000);
await loadCore();  // BENCH_WASM_DIR picks another build
const rows = [];
let superlinear = 0;
for (const [name, make] of cases) {
  const a = await time(make(small), 7);
  const b = await time(make(small * 10), 7);
  const ratio = b / Math.max(a, 0.001);
  if (ratio > 20) superlinear += 1;
  rows.push([name, `${a.toFixed(2)} ms`, `${b.toFixed(2)} ms`, `${ratio.toFixed(1)}×`, ratio > 20 ? 'SUPERLINEAR' : 'ok']);
}
const head = ['case', `n=${small}`, `10n=${small * 10}`, '10n / n', ''];
const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
console.log(line(head));
for (const r of rows) console.log(line(r));
console.log(`${cases.length - superlinear} linear, ${superlinear} superlinear (10n/n over 20×)`);
