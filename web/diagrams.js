// Draws a view's ```mermaid blocks as diagrams, with Mermaid (the npm
// package mermaid; the build copies its ES module and chunks into mermaid/
// beside this file, for sites that have a diagram: src/build/site_writer.cpp,
// which looks for what `blocks` below selects).
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

/** What draw() draws: a ```mermaid block, and the markup Mermaid's own
 * documentation has authors write (a post's raw <div class="mermaid">). */
export const blocks = 'pre:not([data-diagram]) > code.language-mermaid, div.mermaid:not([data-diagram]), pre.mermaid:not([data-diagram])';

/** @type {Promise<any>|null} */
let loading = null;
let drawn = 0;

/** Mermaid, loaded and set up once. @returns {Promise<any>} */
function loadMermaid() {
  loading ??= import(new URL('mermaid/mermaid.esm.min.mjs', import.meta.url).href).then((m) => {
    const mermaid = m.default;
    const dark = document.documentElement.dataset.theme === 'dark'
      || (document.documentElement.dataset.theme !== 'light' && matchMedia('(prefers-color-scheme: dark)').matches);
    mermaid.initialize({ startOnLoad: false, securityLevel: 'strict', theme: dark ? 'dark' : 'default',
      htmlLabels: false, flowchart: { htmlLabels: false } });
    return mermaid;
  });
  return loading;
}

/**
 * Mermaid's SVG markup as nodes of this document, its styles moved to CSSOM.
 * @param {string} markup
 * @returns {SVGSVGElement|null}
 */
function adopt(markup) {
  const parsed = new DOMParser().parseFromString(markup, 'image/svg+xml');
  const svg = parsed.documentElement;
  if (!svg || svg.nodeName !== 'svg' || parsed.querySelector('parsererror')) return null;
  const css = [...svg.querySelectorAll('style')].map((s) => { s.remove(); return s.textContent ?? ''; }).join('\n');
  /** @type {[Element, string][]} */
  const inline = [];
  for (const el of [svg, ...svg.querySelectorAll('[style]')]) {
    const value = el.getAttribute('style');
    if (value === null) continue;
    inline.push([el, value]);
    el.removeAttribute('style');
  }
  const node = /** @type {SVGSVGElement} */ (document.importNode(svg, true));
  // importNode copies: find each styled element again by its path in the copy.
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [node, ...node.querySelectorAll('*')];
  for (const [el, value] of inline) {
    const copy = copies[originals.indexOf(el)];
    if (copy instanceof SVGElement || copy instanceof HTMLElement) copy.style.cssText = value;
  }
  if (css) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  }
  return node;
}

/**
 * Draws the ```mermaid blocks under `root` not drawn yet. Never rejects: a
 * view whose diagrams cannot be drawn still shows their source.
 * @param {ParentNode} root
 * @returns {Promise<number>}  how many were drawn
 */
export async function draw(root) {
  const found = [...root.querySelectorAll(blocks)];
  if (found.length === 0) return 0;
  let mermaid;
  try {
    mermaid = await loadMermaid();
  } catch (error) {
    loading = null;  // a later view tries again
    console.warn('Quire: diagrams stay source:', error);
    return 0;
  }
  let done = 0;
  for (const el of found) {
    const pre = /** @type {HTMLElement} */ (el.matches('code') ? el.parentElement : el);
    if (!pre.isConnected || pre.dataset.diagram !== undefined) continue;
    pre.dataset.diagram = '';
    const source = el.textContent ?? '';
    let svg = null;
    try {
      const { svg: markup } = await mermaid.render(`quire-diagram-${++drawn}`, source);
      svg = adopt(markup);
      if (!svg) throw new Error('Mermaid wrote no SVG');
    } catch (error) {
      pre.dataset.diagram = 'error';
      pre.title = String(/** @type {Error} */ (error)?.message ?? error).trim();
      continue;
    }
    const figure = document.createElement('figure');
    figure.className = 'diagram';
    svg.setAttribute('role', 'img');
    if (!svg.getAttribute('aria-label') && !svg.querySelector('title')) svg.setAttribute('aria-label', 'Diagram');
    const details = document.createElement('details');
    const summary = document.createElement('summary');
    summary.textContent = 'Diagram source';
    pre.replaceWith(figure);
    details.append(summary, pre);
    figure.append(svg, details);
    done++;
  }
  return done;
}
