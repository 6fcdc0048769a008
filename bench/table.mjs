// Prints the benchmark's one table (medians and ratios) and, under it, one
// PASS/FAIL line per budget.
/** @typedef {import('./common.mjs').Row} Row */

/** @param {number} v */
function format(v) {
  if (!Number.isFinite(v)) return String(v);
  if (Math.abs(v) >= 100) return v.toFixed(0);
  if (Math.abs(v) >= 10) return v.toFixed(1);
  return v.toFixed(2);
}

/**
 * @param {Row[]} rows
 * @param {string} machine
 * @param {(line: string) => void} [out]
 */
export function printTable(rows, machine, out = (line) => process.stdout.write(`${line}\n`)) {
  const cells = rows.filter((r) => !r.budget).map((r) => [r.section, r.what, format(r.value), r.unit, r.ratio ?? '', r.note ?? '']);
  const head = ['section', 'measurement', 'median', 'unit', 'ratio', 'note'];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (/** @type {string[]} */ c) => `| ${c.map((x, i) => (i === 2 ? x.padStart(widths[i]) : x.padEnd(widths[i]))).join(' | ')} |`;
  out(`Machine: ${machine}`);
  out('');
  out(line(head));
  out(`|${widths.map((w, i) => (i === 2 ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`);
  for (const c of cells) out(line(c));
  const budgets = rows.filter((r) => r.budget);
  if (budgets.length) {
    out('');
    out('Budgets:');
    for (const r of budgets) out(`${r.budget?.pass ? 'PASS' : 'FAIL'}  ${r.budget?.line}`);
  }
}
