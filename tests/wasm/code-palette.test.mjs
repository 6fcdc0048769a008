// The syntax token colours (web/style.css, and the widget's shadow styles in
// web/quire-widget.js) meet WCAG AA (4.5:1) on the code background, for every
// token class the core writes (src/core/code_tokens.hpp), light and dark.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

const root = new URL('../../', import.meta.url);
const read = (path) => readFile(new URL(path, root), 'utf8');

/** WCAG 2 relative luminance of #rrggbb. */
function luminance(hex) {
  assert.match(hex, /^#[0-9a-f]{6}$/i, hex);
  const n = parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The custom properties declared in the first block after `selector`. */
function block(css, selector) {
  const at = css.indexOf(selector);
  assert.ok(at >= 0, `no ${selector}`);
  const open = css.indexOf('{', at);
  const body = css.slice(open + 1, css.indexOf('}', open));
  return Object.fromEntries([...body.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g)].map((m) => [m[1], m[2].trim()]));
}

async function tokenClasses() {
  const header = await read('src/core/code_tokens.hpp');
  const m = /kTokenClasses = "([a-z]+)"/.exec(header);
  assert.ok(m);
  return [...m[1]];
}

test('the contrast check can fail: a light grey on the code background is under 4.5:1', () => {
  assert.ok(contrast('#999999', '#f3f1eb') < 4.5);
  assert.ok(contrast('#1f2328', '#f3f1eb') > 4.5);
});

test('site stylesheet: every token class has a rule and 4.5:1 on the code background, light and dark', async () => {
  const css = await read('web/style.css');
  const classes = await tokenClasses();
  const light = block(css, ':root {\n  --bg:');
  const darkMedia = block(css, ':root:not([data-theme="light"])');
  const darkToggle = block(css, ':root[data-theme="dark"]');
  for (const c of classes) {
    assert.match(css, new RegExp(`\\.tok-${c} \\{ color: var\\(--tok-${c}\\)`), `.tok-${c} rule`);
    for (const [name, palette] of [['light', light], ['dark', darkMedia], ['dark (toggle)', darkToggle]]) {
      const colour = palette[`--tok-${c}`];
      assert.ok(colour, `${name} --tok-${c}`);
      for (const bg of ['--bg-raised', '--bg', '--hl-line']) {
        const ratio = contrast(colour, palette[bg]);
        assert.ok(ratio >= 4.5, `${name} --tok-${c} ${colour} on ${bg} ${palette[bg]}: ${ratio.toFixed(2)}`);
      }
      assert.notEqual(colour.toLowerCase(), palette['--text'].toLowerCase(), `${name} --tok-${c} is the text colour`);
    }
    // The two dark blocks are one palette written twice (CSS cannot share them).
    assert.equal(darkMedia['--hl-line'], darkToggle['--hl-line']);
    assert.equal(darkMedia[`--tok-${c}`], darkToggle[`--tok-${c}`], `--tok-${c}`);
  }
});

test('widget shadow styles: the same, through --quire-tok-* (light) and --quire-tok-*-dark properties', async () => {
  const js = await read('web/quire-widget.js');
  const classes = await tokenClasses();
  // Each palette entry is `var(--quire-<name>[-dark], <default>)`: the embedder's colour, else ours.
  const defaults = (/** @type {Record<string, string>} */ palette, /** @type {string} */ suffix) =>
    Object.fromEntries(Object.entries(palette).filter(([name]) => name !== '--_shade').map(([name, value]) => {
      const m = /^var\((--quire-[\w-]+), (#[0-9a-f]{6})\)$/i.exec(value);
      assert.ok(m, `${name}: ${value}`);
      assert.equal(m[1], `--quire-${name.slice('--_'.length)}${suffix}`, `${name} reads the embedder's property`);
      return [name, m[2]];
    }));
  const light = defaults(block(js, '.root {\n  all: initial;'), '');
  const dark = defaults(block(js, '.root[data-scheme="dark"]'), '-dark');
  for (const c of classes) {
    assert.ok(js.includes(`.tok-${c} { color: var(--_tok-${c}); }`), `.tok-${c} rule`);
    for (const [name, palette] of [['light', light], ['dark', dark]]) {
      const colour = palette[`--_tok-${c}`];
      assert.ok(colour, `${name} --_tok-${c}`);
      for (const bg of ['--_raised', '--_hl-line']) {
        const ratio = contrast(colour, palette[bg]);
        assert.ok(ratio >= 4.5, `${name} --_tok-${c} ${colour} on ${bg}: ${ratio.toFixed(2)}`);
      }
    }
  }
});
