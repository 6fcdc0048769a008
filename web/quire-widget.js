// <quire-blog>: a Quire blog's posts inside any other page.
//
//   <script type="module" src="https://blog.example/quire-widget.js"></script>
//   <quire-blog src="https://blog.example/bundle.json" limit="5"></quire-blog>
//
// The element is thin: the markup of every view comes from the core
// (src/core/widget.hpp, through Bundle.renderWidget); this file owns the
// loading and error states, clicks (in-place navigation, '#' links), events
// and styles. Heavy things happen once per page: the WASM core is one shared
// instance (quire.js getCore) and each bundle URL is fetched and loaded once
// however many elements show it (`bundles` below).
//
// Isolation: a shadow root by default, styled by one constructable
// stylesheet (adoptedStyleSheets: no <style> element and no style="", so a
// strict `style-src 'self'` policy needs no 'unsafe-inline'). The CSS lives
// here as a string, not in a separate file, so there is nothing more to
// fetch and nothing for the host's style-src to block. The root element
// inside resets every inherited property (all: initial), so the host page's
// fonts and colours do not leak in; theming goes through the --quire-*
// custom properties and ::part()s listed in the README ("Embed"). With the
// `no-shadow` attribute (read once, when the element first connects) the
// markup goes into the light DOM, unstyled, for sites that bring their own
// CSS.
//
// Colours: the element picks light or dark (theme="light"/"dark"; "auto":
// the host's color-scheme as computed on the element when it declares one
// scheme, else the system's) and says so on its root (data-scheme); the
// stylesheet holds each palette once, the embedder's --quire-* colours and
// their -dark twins in it.
//
// Events (bubbling, composed CustomEvents): quire-ready {src, posts} when
// the element's bundle is loaded, quire-rendered {view, title} after each
// render, quire-error {message, code} when it cannot show anything. Bad
// input never throws into the page: the element shows the embedder's
// fallback content (its children; light DOM, as without JavaScript) and
// the detail goes in quire-error.

import { previewFootnotes } from './footnote-preview.js';
import { diagramBlocks, fetchBundle, loadBundle, QuireError } from './quire.js';

/** @typedef {import('./quire.js').Bundle} Bundle */

const TAG = 'quire-blog';

/** Attributes that change what is shown (theme changes only the colours). */
const RENDER_ATTRIBUTES = ['src', 'view', 'tag', 'category', 'month', 'slug', 'limit', 'link-base', 'navigate'];

/** The system's colour preference: one query for the page. */
const systemDark = typeof matchMedia === 'function' ? matchMedia('(prefers-color-scheme: dark)') : null;

/**
 * Each bundle URL's loading promise, shared by every element of the page.
 * A failed load is forgotten so that a later render may retry.
 * @type {Map<string, Promise<Bundle>>}
 */
const bundles = new Map();

/** @param {string} url */
function bundleFor(url) {
  let promise = bundles.get(url);
  if (!promise) {
    // The URL goes along: a split bundle's chunks are relative to it, not to the page.
    const loading = fetchBundle(url).then((bytes) => loadBundle(bytes, { url }));
    bundles.set(url, loading);
    loading.catch(() => {
      if (bundles.get(url) === loading) bundles.delete(url);
    });
    promise = loading;
  }
  return promise;
}

/**
 * A "Copy" button before each code block of a post (as web/app.js does on
 * the blog): copies the code's exact text; the button, a polite live
 * region, then says "Copied".
 * @param {HTMLElement} frame
 */
function addCopyButtons(frame) {
  if (!navigator.clipboard?.writeText) return;
  for (const pre of frame.querySelectorAll('.post-body pre')) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.setAttribute('part', 'code-copy');
    button.setAttribute('aria-live', 'polite');
    button.textContent = 'Copy';
    pre.before(button);
  }
}

/** @param {Element} button */
async function copyCode(button) {
  const code = button.nextElementSibling?.querySelector('code');
  if (!code) return;
  let said = 'Copied';
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
  } catch {
    said = 'Copy failed';
  }
  button.textContent = said;
  setTimeout(() => { button.textContent = 'Copy'; }, 2000);
}

/** Instances made so far: each gets its own id prefix. */
let instances = 0;

/* Colours match web/style.css's; every text colour meets WCAG AA on its
   background. */
const STYLES = `
:host { display: block; contain: content; overflow: auto; }
:host([hidden]) { display: none; }
.root {
  all: initial;
  display: block;
  box-sizing: border-box;
  --_bg: var(--quire-bg, #fdfcf9); --_raised: var(--quire-raised, #f3f1eb); --_color: var(--quire-color, #1f2328);
  --_muted: var(--quire-muted, #575e69); --_border: var(--quire-border, #dcd8ce); --_accent: var(--quire-accent, #1c57a8);
  --_hl-line: var(--quire-hl-line, #ebe5d3); --_shade: rgb(0 0 0 / 0.22);
  --_tok-k: var(--quire-tok-k, #a3245e); --_tok-s: var(--quire-tok-s, #1a6b2c); --_tok-e: var(--quire-tok-e, #8a4a00);
  --_tok-c: var(--quire-tok-c, #5f6670); --_tok-f: var(--quire-tok-f, #6b3aa8); --_tok-t: var(--quire-tok-t, #0d6470);
  --_tok-n: var(--quire-tok-n, #a8430c); --_tok-b: var(--quire-tok-b, #1c57a8); --_tok-p: var(--quire-tok-p, #7a3d1a);
  --_tok-o: var(--quire-tok-o, #8c2f22); --_tok-g: var(--quire-tok-g, #1f5e7a); --_tok-a: var(--quire-tok-a, #7a5200);
  color-scheme: light;
  font-family: var(--quire-font, system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif);
  font-size: var(--quire-font-size, 16px);
  line-height: var(--quire-line-height, 1.5);
  color: var(--_color);
  background: var(--_bg);
  border: var(--quire-border-width, 1px) solid var(--_border);
  border-radius: var(--quire-radius, 8px);
  padding: var(--quire-padding, 16px 20px);
  overflow-wrap: break-word;
  text-align: start;
  max-height: var(--quire-max-height, none);
  overflow: auto;
}
/* The dark scheme (data-scheme: the theme attribute, else the host's
   color-scheme, else the system's) reads only the -dark properties: a card
   branded for a light page cannot turn into light text on its light colours. */
.root[data-scheme="dark"] {
  --_bg: var(--quire-bg-dark, #15171b); --_raised: var(--quire-raised-dark, #1f2228); --_color: var(--quire-color-dark, #e7e5e0);
  --_muted: var(--quire-muted-dark, #a4aab4); --_border: var(--quire-border-dark, #353a43);
  --_accent: var(--quire-accent-dark, #8ab4f8); --_hl-line: var(--quire-hl-line-dark, #2b3039); --_shade: rgb(255 255 255 / 0.25);
  --_tok-k: var(--quire-tok-k-dark, #ff8fbf); --_tok-s: var(--quire-tok-s-dark, #9fd49a); --_tok-e: var(--quire-tok-e-dark, #f2c36b);
  --_tok-c: var(--quire-tok-c-dark, #9ba3ad); --_tok-f: var(--quire-tok-f-dark, #c9a6ff); --_tok-t: var(--quire-tok-t-dark, #72d3df);
  --_tok-n: var(--quire-tok-n-dark, #f5a67c); --_tok-b: var(--quire-tok-b-dark, #8ab4f8); --_tok-p: var(--quire-tok-p-dark, #e6b88a);
  --_tok-o: var(--quire-tok-o-dark, #f08f80); --_tok-g: var(--quire-tok-g-dark, #7cc6e8); --_tok-a: var(--quire-tok-a-dark, #e8c97a);
  color-scheme: dark;
}
/* Failed: no card, the embedder's fallback content (the element's children)
   as the host page styles it, as readers without JavaScript see it. */
.root[data-state="error"] { all: inherit; display: contents; }
/* Fires transitionrun when the host's color-scheme changes (a theme toggle). */
.scheme-probe { position: absolute; width: 0; height: 0; overflow: hidden; visibility: hidden;
  transition: color-scheme 1ms allow-discrete; }
.root *, .root *::before, .root *::after { box-sizing: border-box; }
.root a { color: var(--_accent); text-underline-offset: 0.15em; }
.root :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px; border-radius: 2px; }
.root [tabindex="-1"]:focus { outline: none; }
.sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden;
  clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.heading { margin: 0 0 0.75em; font-family: var(--quire-heading-font, inherit); font-size: 1.15em;
  font-weight: 700; line-height: 1.3; }
.heading a { color: inherit; text-decoration: none; }
.heading a:hover { text-decoration: underline; }
.posts, .months { list-style: none; margin: 0; padding: 0; }
.item { padding: 0.7em 0; border-top: 1px solid var(--_border); }
.item:first-child { border-top: 0; padding-top: 0; }
.item:last-child { padding-bottom: 0; }
.link { font-weight: 600; text-decoration: none; }
.link:hover { text-decoration: underline; }
.meta, .count { margin: 0.1em 0 0; font-size: 0.85em; color: var(--_muted); }
.summary { margin: 0.3em 0 0; font-size: 0.95em; display: -webkit-box; -webkit-box-orient: vertical;
  -webkit-line-clamp: 3; overflow: hidden; }
.more { margin: 0.9em 0 0; font-size: 0.9em; }
.empty, .status { margin: 0; color: var(--_muted); }
.back { margin: 0 0 0.8em; }
button.back { font: inherit; font-size: 0.9em; color: var(--_accent); background: none;
  border: 1px solid var(--_border); border-radius: 999px; padding: 0.15em 0.8em;
  cursor: pointer; }
button.back:hover { background: var(--_raised); }
.post-title { margin: 0; font-family: var(--quire-heading-font, inherit); font-size: 1.45em; line-height: 1.25; }
.post-title a { color: inherit; text-decoration: none; }
.tags { display: flex; flex-wrap: wrap; gap: 0.4em; list-style: none; margin: 0.5em 0 0; padding: 0; }
.tag { display: inline-block; font-size: 0.8em; padding: 0.05em 0.6em; border-radius: 999px;
  background: var(--_raised); text-decoration: none; }
.categories { margin: 0.5em 0 0; font-size: 0.9em; color: var(--_muted); }
.post-body { margin-top: 1.2em; position: relative; }
.footnote-preview { position: absolute; z-index: 2; width: min(20em, 100%); padding: 0.6em 0.9em 0.2em;
  border: 1px solid var(--_border); border-radius: 6px; background: var(--_raised); color: inherit;
  box-shadow: 0 0.25em 1em rgb(0 0 0 / 0.18); font-size: 0.9em; line-height: 1.5; }
.footnote-preview-text > :last-child { margin-bottom: 0.25em; }
.footnote-preview-actions { display: flex; justify-content: space-between; align-items: center; margin: 0; }
.footnote-preview-actions a { padding-block: 0.35em; }
.footnote-preview-close { min-width: 24px; min-height: 24px; padding: 0.35em 0.5em; border: 0; background: none;
  color: var(--_accent); font: inherit; cursor: pointer; }
.post-body > :first-child { margin-top: 0; }
.post-body :is(p, ul, ol, pre, blockquote, table, figure) { margin: 0 0 1em; }
.post-body :is(h1, h2, h3, h4, h5, h6) { margin: 1.3em 0 0.5em; line-height: 1.3;
  font-family: var(--quire-heading-font, inherit); }
.heading-anchor { margin-inline-start: 0.35em; color: var(--_muted); text-decoration: none;
  font-weight: normal; opacity: 0; }
:is(h1, h2, h3, h4, h5, h6):is(:hover, :focus-within) > .heading-anchor { opacity: 1; }
.post-body h1 { font-size: 1.3em; } .post-body h2 { font-size: 1.2em; } .post-body h3 { font-size: 1.05em; }
.post-body :is(h4, h5, h6) { font-size: 1em; }
.post-body :is(ul, ol) { padding-inline-start: 1.5em; }
.post-body li + li { margin-top: 0.25em; }
.post-body .task-list-item { list-style: none; }
.post-body .task-list-item-checkbox { margin: 0 0.4em 0 -1.3em; }
.post-body img { max-width: 100%; height: auto; }
.post-body dt { font-weight: 600; }
.post-body figure.diagram { margin-inline: 0; text-align: center; }
.post-body figure.diagram > svg { max-width: 100%; height: auto; }
.post-body figure.diagram > details { text-align: start; font-size: 0.85em; }
.post-body figure.diagram > details > summary { color: var(--_muted); cursor: pointer; }
.post-body code { font-family: var(--quire-mono, ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace);
  font-size: 0.875em; background: var(--_raised); border-radius: 3px; padding: 0.1em 0.3em; }
/* A command in a table cell stays whole (the table scrolls); code that does
   wrap elsewhere keeps its padding and corners on each line. */
.post-body :is(td, th) code { white-space: nowrap; }
.post-body code { -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.post-body pre { overflow-x: auto; padding: 0.75em 1em; background: var(--_raised); border-radius: 6px;
  line-height: 1.45; }
.post-body pre code { background: none; padding: 0; }
.post-body pre[data-lang]::before { content: attr(data-lang); display: block; margin-bottom: 0.3em; font-size: 0.75em;
  letter-spacing: 0.04em; text-transform: uppercase; color: var(--_muted); }
.tok-k { color: var(--_tok-k); } .tok-s { color: var(--_tok-s); } .tok-e { color: var(--_tok-e); } .tok-c { color: var(--_tok-c); }
.tok-f { color: var(--_tok-f); } .tok-t { color: var(--_tok-t); } .tok-n { color: var(--_tok-n); } .tok-b { color: var(--_tok-b); }
.tok-p { color: var(--_tok-p); } .tok-o { color: var(--_tok-o); } .tok-g { color: var(--_tok-g); } .tok-a { color: var(--_tok-a); }
.tok-c { font-style: italic; }
.post-body .code-copy { display: block; position: relative; z-index: 1; width: max-content; margin: 0 0.4em -1.9em auto;
  padding: 0.1em 0.55em; border: 1px solid var(--_border); border-radius: 4px;
  background: var(--_bg); color: var(--_color); font: inherit; font-size: 0.75em; cursor: pointer; }
.post-body .code-copy + pre { padding-top: 1.6em; }
.post-body pre code:has(> .line) { display: inline-block; min-width: 100%; }
.post-body .line { display: block; }
.post-body .line.hl { margin: 0 -1em; padding: 0 1em; background: var(--_hl-line); }
.post-body pre.linenos { counter-reset: line; }
.post-body pre.linenos .line::before { counter-increment: line; content: counter(line); display: inline-block; min-width: 2ch;
  margin-right: 1.25ch; text-align: right; color: var(--_muted); user-select: none; }
.post-body blockquote { margin-inline: 0; padding-inline-start: 1em; color: var(--_muted);
  border-inline-start: 3px solid var(--_border); }
/* A table wider than the card scrolls; a shadow at the edge it scrolls
   towards says so (the covers move with the content, the shadows stay). */
.post-body table { border-collapse: collapse; display: block; overflow-x: auto;
  background: linear-gradient(to right, var(--_bg) 40%, transparent) left / 1.5em 100% no-repeat local,
    linear-gradient(to left, var(--_bg) 40%, transparent) right / 1.5em 100% no-repeat local,
    radial-gradient(farthest-side at 0 50%, var(--_shade), transparent) left / 0.6em 100% no-repeat scroll,
    radial-gradient(farthest-side at 100% 50%, var(--_shade), transparent) right / 0.6em 100% no-repeat scroll; }
.post-body :is(th, td) { border: 1px solid var(--_border); padding: 0.3em 0.6em; }
.post-body hr { border: 0; border-top: 1px solid var(--_border); margin: 1.5em 0; }
/* Underlined and bold: told from the text by more than colour (no brackets:
   they would let the reference wrap away from its word). */
.footnote-ref a { padding: 0 0.1em; font-weight: 600; text-underline-offset: 0.1em; }
.footnotes { margin-top: 1.5em; padding-top: 0.5em; font-size: 0.875em;
  border-top: 1px solid var(--_border); }
.footnotes ol { padding-inline-start: 1.5em; margin: 0; }
.footnotes li:target, .footnotes li.quire-target { background: var(--_raised); }
`;

/** @type {CSSStyleSheet|null} */
let sheet = null;

/** The one stylesheet every shadow root adopts; null where unsupported. */
function sharedSheet() {
  if (!sheet && 'adoptedStyleSheets' in Document.prototype && 'replaceSync' in CSSStyleSheet.prototype) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(STYLES);
  }
  return sheet;
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

class QuireBlog extends HTMLElement {
  static get observedAttributes() {
    return [...RENDER_ATTRIBUTES, 'theme'];
  }

  /** @type {ShadowRoot|HTMLElement|null} where the view goes */
  #root = null;
  /** @type {HTMLElement|null} the .root wrapper inside it */
  #frame = null;
  #prefix = `quire${++instances}-`;
  #scheduled = false;
  /** Bumped by every render and disconnect: an older async render drops its result. */
  #generation = 0;
  /** The bundle URL whose quire-ready this element has fired. */
  #readyFor = '';
  /** navigate="inline": the post opened in place, and the link it came from. */
  /** @type {string|null} */
  #openSlug = null;
  /** @type {string|null} */
  #cameFrom = null;
  /** Move focus after the next render (set by the reader's clicks only). */
  #moveFocus = false;
  /** no-shadow: the element's own children, put back on error. @type {Node[]} */
  #fallback = [];
  /** Transitions when the host's color-scheme changes (shadow root only). @type {HTMLElement|null} */
  #probe = null;
  /** Stops the footnote previews (footnote-preview.js). */
  #stopPreviews = () => {};
  #onClick = (/** @type {Event} */ event) => this.#click(/** @type {MouseEvent} */ (event));
  #onScheme = () => this.#applyScheme();

  connectedCallback() {
    if (!this.#frame) {
      this.#upgradeProperties();
      this.#build();
    }
    // Footnote previews first: a preview is no navigation (#click).
    if (this.#root) this.#stopPreviews = previewFootnotes(this.#root);
    this.#root?.addEventListener('click', this.#onClick);
    this.#probe?.addEventListener('transitionrun', this.#onScheme);
    systemDark?.addEventListener('change', this.#onScheme);
    this.#applyScheme();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#stopPreviews();
    this.#root?.removeEventListener('click', this.#onClick);
    this.#probe?.removeEventListener('transitionrun', this.#onScheme);
    systemDark?.removeEventListener('change', this.#onScheme);
    this.#generation += 1;
  }

  /**
   * @param {string} name
   * @param {string|null} oldValue
   * @param {string|null} newValue
   */
  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue) return;
    if (name === 'theme') {
      this.#applyScheme();
      return;
    }
    if (name !== 'navigate' && name !== 'limit' && name !== 'link-base') this.#openSlug = null;
    this.#schedule();
  }

  /** The id prefix of this instance's markup (unique on the page). */
  get idPrefix() {
    return this.#prefix;
  }

  /** Properties set before the element was defined shadow the accessors. */
  #upgradeProperties() {
    for (const [property] of reflected) {
      if (Object.prototype.hasOwnProperty.call(this, property)) {
        const value = /** @type {any} */ (this)[property];
        delete (/** @type {any} */ (this))[property];
        /** @type {any} */ (this)[property] = value;
      }
    }
  }

  #build() {
    const frame = document.createElement('div');
    frame.className = 'root';
    frame.setAttribute('part', 'root');
    if (this.hasAttribute('no-shadow')) {
      this.#root = this;
      this.#fallback = [...this.childNodes];
      this.replaceChildren(frame);
    } else {
      const shadow = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
      const styles = sharedSheet();
      if (styles) {
        shadow.adoptedStyleSheets = [styles];
      } else {
        // Browsers without constructable stylesheets (Safari < 16.4):
        // a <style> element, which a strict CSP may refuse.
        const style = document.createElement('style');
        style.textContent = STYLES;
        shadow.append(style);
      }
      const probe = document.createElement('span');
      probe.className = 'scheme-probe';
      probe.setAttribute('aria-hidden', 'true');
      shadow.append(probe, frame);
      this.#probe = probe;
      this.#root = shadow;
    }
    this.#frame = frame;
  }

  /** Light or dark: the theme attribute, else the host's declared color-scheme, else the system's. */
  #scheme() {
    const theme = this.getAttribute('theme');
    if (theme === 'light' || theme === 'dark') return theme;
    const declared = getComputedStyle(this).colorScheme.split(/\s+/);
    const light = declared.includes('light');
    if (light !== declared.includes('dark')) return light ? 'light' : 'dark';
    return systemDark?.matches ? 'dark' : 'light';  // none, or both: the host follows the system too
  }

  #applyScheme() {
    if (this.#frame && this.isConnected) this.#frame.dataset.scheme = this.#scheme();
  }

  /** Renders once per microtask, however many attributes changed. */
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#render();
    });
  }

  async #render() {
    const generation = ++this.#generation;
    try {
      await this.#show(generation);
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  /** @param {number} generation */
  async #show(generation) {
    const src = (this.getAttribute('src') ?? '').trim();
    if (!src) throw new QuireError('src: required (the address of the blog\'s bundle.json)', 'request');
    let url;
    try {
      url = new URL(src, document.baseURI);
    } catch {
      throw new QuireError(`src: not a URL: "${src}"`, 'request');
    }
    const pending = bundleFor(url.href);
    if (this.#readyFor !== url.href) this.#loading('Loading posts…');
    const bundle = await pending;
    if (generation !== this.#generation) return;
    if (this.#readyFor !== url.href) {
      this.#readyFor = url.href;
      this.#emit('quire-ready', { src: url.href, posts: bundle.posts });
    }
    const linkBase = this.getAttribute('link-base');
    const inline = this.#openSlug !== null;
    const view = inline ? 'post' : this.getAttribute('view') ?? '';
    /** @type {import('./quire.js').WidgetOptions} */
    const options = {
      view,
      tag: this.getAttribute('tag') ?? '',
      category: this.getAttribute('category') ?? '',
      month: this.getAttribute('month') ?? '',
      slug: this.#openSlug ?? this.getAttribute('slug') ?? '',  // #openSlug is set when inline
      limit: this.getAttribute('limit') ?? '',
      linkBase: linkBase ? resolve(linkBase) : '',
      bundleBase: new URL('.', url).href,
      idPrefix: this.#prefix,
      back: inline,
    };
    let shown = bundle.renderWidget(options);
    // A large blog's post body lives in a chunk, its posts' entries in
    // shards: fetch what the core names (once per page), then render again
    // (a post's shard first, then its chunk).
    if (shown.needs) {
      const complete = await bundle.complete(shown, () => bundle.renderWidget(options),
        () => generation === this.#generation);
      if (!complete) return;
      shown = complete;
    }
    const frame = /** @type {HTMLElement} */ (this.#frame);
    frame.innerHTML = shown.html;  // markup from the core: every text escaped there
    addCopyButtons(frame);
    // A post's math (core/math.hpp): math.js beside this file, Temml's
    // stylesheet in the shadow root (or the page, without one).
    if (frame.querySelector('span.math')) {
      import('./math.js').then((m) => m.typeset(frame, this.shadowRoot ?? undefined),
        (error) => console.warn('quire-blog: math stays TeX:', error));
    }
    // Diagrams: diagrams.js beside this file, Mermaid beside it (a blog
    // with a diagram ships it), the drawings' styles in the shadow root.
    if (frame.querySelector(diagramBlocks)) {
      import('./diagrams.js').then((m) => m.draw(frame, this.shadowRoot ?? undefined),
        (error) => console.warn('quire-blog: diagrams stay source:', error));
    }
    frame.dataset.state = 'ready';
    frame.removeAttribute('aria-busy');
    this.#emit('quire-rendered', { view: view || 'latest', title: shown.title });
    if (this.#moveFocus) {
      this.#moveFocus = false;
      this.#restoreFocus();
    }
  }

  /**
   * The loading state, built here (the core is what is loading).
   * @param {string} text
   */
  #loading(text) {
    const frame = /** @type {HTMLElement} */ (this.#frame);
    const p = document.createElement('p');
    p.className = 'status';
    p.setAttribute('part', 'loading');
    p.setAttribute('role', 'status');
    p.textContent = text;
    frame.replaceChildren(p);
    frame.dataset.state = 'loading';
    frame.setAttribute('aria-busy', 'true');
  }

  /**
   * The error state: the embedder's fallback content (the element's
   * children: a slot in the shadow root, the saved nodes without one), else
   * a short sentence. The detail is for the embedder, in quire-error.
   * @param {unknown} error
   */
  #fail(error) {
    const message = messageOf(error);
    const code = error instanceof QuireError ? error.code : 'internal';
    const frame = /** @type {HTMLElement} */ (this.#frame);
    const box = document.createElement('div');
    box.setAttribute('part', 'error');
    const light = this.#root === this;
    const own = light ? this.#fallback : [...this.childNodes];
    if (!own.some((n) => n.nodeType === Node.ELEMENT_NODE || (n.nodeType === Node.TEXT_NODE && n.textContent?.trim()))) {
      box.append('This blog could not be shown here.');
    } else {
      box.append(...(light ? own : [document.createElement('slot')]));
    }
    frame.replaceChildren(box);
    frame.dataset.state = 'error';
    frame.removeAttribute('aria-busy');
    this.#emit('quire-error', { message, code });
  }

  /**
   * @param {string} type
   * @param {object} detail
   */
  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { bubbles: true, composed: true, detail }));
  }

  /** @param {MouseEvent} event */
  #click(event) {
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    const frame = this.#frame;
    const target = event.target instanceof Element ? event.target : null;
    if (!frame || !target || !frame.contains(target)) return;

    const copy = target.closest('button.code-copy');
    if (copy) {
      copyCode(copy);
      return;
    }
    if (target.closest('[data-quire-action="back"]')) {
      event.preventDefault();
      this.#openSlug = null;
      this.#moveFocus = true;
      this.#schedule();
      return;
    }
    const link = target.closest('a[href]');
    if (!link || !frame.contains(link)) return;
    const href = link.getAttribute('href') ?? '';
    if (href.startsWith('#')) {
      // The document cannot find ids inside a shadow root, and changing the
      // host page's location.hash is not ours to do: scroll here instead.
      event.preventDefault();
      this.#scrollTo(href.slice(1));
      return;
    }
    const slug = link.getAttribute('data-slug');
    if (slug && this.getAttribute('navigate') === 'inline') {
      event.preventDefault();
      this.#cameFrom = slug;
      this.#openSlug = slug;
      this.#moveFocus = true;
      this.#schedule();
    }
  }

  /** @param {string} fragment */
  #scrollTo(fragment) {
    let id = fragment;
    try {
      id = decodeURIComponent(fragment);
    } catch { /* keep it as written */ }
    const frame = /** @type {HTMLElement} */ (this.#frame);
    // Ids the core made carry the prefix; an author's own "#heading" link
    // does not.
    const find = (/** @type {string} */ value) => frame.querySelector(`[id="${CSS.escape(value)}"]`);
    const target = (id.startsWith(this.#prefix) ? find(id) : null) ?? find(this.#prefix + id) ?? find(id);
    if (!(target instanceof HTMLElement)) return;
    for (const old of frame.querySelectorAll('.quire-target')) old.classList.remove('quire-target');
    target.classList.add('quire-target');
    target.scrollIntoView({ block: 'nearest' });
    if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
    target.focus({ preventScroll: true });
  }

  /** After opening a post in place, focus its title; after going back, the link. */
  #restoreFocus() {
    const frame = /** @type {HTMLElement} */ (this.#frame);
    if (this.#openSlug !== null) {
      const title = frame.querySelector('.post-title');
      if (title instanceof HTMLElement) {
        title.focus({ preventScroll: true });
        title.scrollIntoView({ block: 'nearest' });
      }
    } else if (this.#cameFrom !== null) {
      const link = frame.querySelector(`a[data-slug="${CSS.escape(this.#cameFrom)}"]`);
      this.#cameFrom = null;
      if (link instanceof HTMLElement) link.focus();
    }
  }
}

/** @param {string} value */
function resolve(value) {
  try {
    return new URL(value, document.baseURI).href;
  } catch {
    return value;  // the core names it in its error
  }
}

// Properties mirroring the attributes (el.limit = '3' sets limit="3").
/** @type {Array<[string, string]>} */
const reflected = [['src', 'src'], ['view', 'view'], ['tag', 'tag'], ['category', 'category'], ['month', 'month'], ['slug', 'slug'],
  ['limit', 'limit'], ['linkBase', 'link-base'], ['navigate', 'navigate'], ['theme', 'theme']];
for (const [property, attribute] of reflected) {
  Object.defineProperty(QuireBlog.prototype, property, {
    configurable: true,
    enumerable: true,
    /** @this {HTMLElement} */
    get() {
      return this.getAttribute(attribute);
    },
    /** @this {HTMLElement} @param {unknown} value */
    set(value) {
      if (value == null) this.removeAttribute(attribute);
      else this.setAttribute(attribute, String(value));
    },
  });
}

// Loaded twice (two script tags, two URLs): the first definition stays.
if (!customElements.get(TAG)) customElements.define(TAG, QuireBlog);

/** The class behind <quire-blog> on this page. */
export const QuireBlogElement = /** @type {typeof QuireBlog} */ (customElements.get(TAG));
