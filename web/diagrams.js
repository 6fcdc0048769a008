// Draws a view's ```mermaid blocks as diagrams, with Mermaid (the npm
// package mermaid; the build copies its ES module and chunks into mermaid/
// beside this file, for sites that have a diagram: src/build/site_writer.cpp,
// which looks for what quire.js's `diagramBlocks` selects).
// Loaded by app.js only when a view has such a block, so pages without one
// fetch nothing; Mermaid's chunks then load by diagram type.
//
// Mermaid runs at securityLevel "strict" (labels sanitized by its DOMPurify,
// no click handlers, no HTML labels). The SVG it returns is parsed inert and
// moved into the page with its styles applied through CSSOM (its <style> as
// a constructed sheet, each style attribute as the element's style), which
// a style-src policy without 'unsafe-inline' allows. A block Mermaid cannot
// read stays its source, with the error as its title. The source stays in
// the page, after the drawing, for copying and for readers without the
// drawing (a closed <details>).

import { diagramBlocks } from './quire.js';

/** @type {Promise<any>|null} */
let loading = null;
let drawn = 0;
/** The theme Mermaid was last set up with. */
let mermaidTheme = '';

/**
 * A drawn diagram: redrawn when the page's theme changes (web/theme.js's
 * toggle, or the system's scheme), so that it never stays light on dark.
 * @typedef {{ figure: HTMLElement, source: string, styles: Document|ShadowRoot, sheet: CSSStyleSheet|null }} Drawing
 */
/** @type {Set<Drawing>} */
const drawings = new Set();

/** Mermaid's theme for the page as it is now. */
function pageTheme() {
  const chosen = document.documentElement.dataset.theme;
  const dark = chosen === 'dark' || (chosen !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
  return dark ? 'dark' : 'default';
}

/** @param {any} mermaid */
function setUp(mermaid) {
  mermaidTheme = pageTheme();
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: mermaidTheme,
    htmlLabels: false, flowchart: { htmlLabels: false } });
}

/** Mermaid, loaded and set up once. @returns {Promise<any>} */
function loadMermaid() {
  loading ??= import(new URL('mermaid/mermaid.esm.min.mjs', import.meta.url).href).then((m) => {
    const mermaid = m.default;
    setUp(mermaid);
    new MutationObserver(() => redraw(mermaid)).observe(document.documentElement,
      { attributes: true, attributeFilter: ['data-theme'] });
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => redraw(mermaid));
    return mermaid;
  });
  return loading;
}

/**
 * Mermaid's drawing of `source` as nodes of this document, its styles moved
 * to CSSOM: its <style> as a stylesheet `styles` adopts (the document, or a
 * shadow root), each style attribute as the element's style.
 * @param {any} mermaid  @param {string} source  @param {Document|ShadowRoot} styles
 * @returns {Promise<{svg: SVGSVGElement, sheet: CSSStyleSheet|null}>}
 */
async function render(mermaid, source, styles) {
  const { svg: markup } = await mermaid.render(`quire-diagram-${++drawn}`, source);
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = parsed.documentElement;
  if (!svg || svg.nodeName !== 'svg' || parsed.querySelector('parsererror')) throw new Error('Mermaid wrote no SVG');
  const css = [...svg.querySelectorAll('style')].map((s) => { s.remove(); return s.textContent ?? ''; }).join('\n');
  // The style attributes, kept by each element's place in the tree (the copy
  // has the same order), then dropped: parsed, a policy would refuse them.
  const originals = [svg, ...svg.querySelectorAll('*')];
  const inline = originals.map((el) => {
    const value = el.getAttribute('style');
    el.removeAttribute('style');
    return value;
  });
  const node = /** @type {SVGSVGElement} */ (document.importNode(svg, true));
  [node, ...node.querySelectorAll('*')].forEach((el, i) => {
    const value = inline[i];
    if (value && (el instanceof SVGElement || el instanceof HTMLElement)) el.style.cssText = value;
  });
  node.setAttribute('role', 'img');
  if (!node.getAttribute('aria-label') && !node.querySelector('title')) node.setAttribute('aria-label', 'Diagram');
  let sheet = null;
  if (css) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    styles.adoptedStyleSheets = [...styles.adoptedStyleSheets, sheet];
  }
  return { svg: node, sheet };
}

/** @param {Drawing} d */
function dropSheet(d) {
  if (d.sheet) d.styles.adoptedStyleSheets = d.styles.adoptedStyleSheets.filter((s) => s !== d.sheet);
}

/**
 * Draws every diagram still in the page again in the page's theme, when it
 * is not the one Mermaid drew them in.
 * @param {any} mermaid
 */
async function redraw(mermaid) {
  if (pageTheme() === mermaidTheme) return;
  setUp(mermaid);
  for (const d of [...drawings]) {
    if (!d.figure.isConnected) {  // a view left behind
      drawings.delete(d);
      dropSheet(d);
      continue;
    }
    try {
      const { svg, sheet } = await render(mermaid, d.source, d.styles);
      d.figure.querySelector(':scope > svg')?.replaceWith(svg);
      dropSheet(d);
      d.sheet = sheet;
    } catch {
      // drawn once, it stays as it was
    }
  }
}

/**
 * Draws the diagrams under `root` not drawn yet. Never rejects: a view whose
 * diagrams cannot be drawn still shows their source.
 * @param {ParentNode} root
 * @param {ShadowRoot} [stylesIn]  where the drawings' styles must apply (the
 *   widget's shadow root), else the document
 * @returns {Promise<number>}  how many were drawn
 */
export async function draw(root, stylesIn) {
  const found = [...root.querySelectorAll(diagramBlocks)];
  if (found.length === 0) return 0;
  let mermaid;
  try {
    mermaid = await loadMermaid();
  } catch (error) {
    loading = null;  // a later view tries again
    console.warn('Quire: diagrams stay source:', error);
    return 0;
  }
  const styles = stylesIn ?? document;
  let done = 0;
  for (const el of found) {
    const pre = /** @type {HTMLElement} */ (el.matches('code') ? el.parentElement : el);
    if (!pre.isConnected || pre.dataset.diagram !== undefined) continue;
    pre.dataset.diagram = '';
    const source = el.textContent ?? '';
    let drawing;
    try {
      drawing = await render(mermaid, source, styles);
    } catch (error) {
      pre.dataset.diagram = 'error';
      pre.title = String(/** @type {Error} */ (error)?.message ?? error).trim();
      continue;
    }
    const figure = document.createElement('figure');
    figure.className = 'diagram';
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Diagram source';
    pre.replaceWith(figure);
    details.append(summary, pre);
    figure.append(drawing.svg, details);
    drawings.add({ figure, source, styles, sheet: drawing.sheet });
    done++;
  }
  return done;
}
