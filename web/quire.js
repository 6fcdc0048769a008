// Quire's public JavaScript API: a thin facade over the WebAssembly core.
//
//   import { fetchBundle, loadBundle } from './quire.js';
//   const bundle = await loadBundle(await fetchBundle('/bundle.json'));
//   const view = bundle.render('/posts/hello/');   // {status, title, html, ...}
//
// Every view's HTML comes from the core (the same code that pre-renders the
// static pages); this module only moves bytes and strings across the
// boundary and turns error results into thrown QuireErrors. It runs in
// browsers, workers and node (the tests import it).

/**
 * The Embind module made by wasm/bindings.cpp (only what this file uses).
 * @typedef {object} QuireCore
 * @property {(size: number) => Uint8Array} prepareInput
 *   A view of a fresh input buffer of `size` bytes inside WASM memory. Valid
 *   only until the next call into the module (memory may grow).
 * @property {(size: number) => Uint8Array} inputBuffer
 *   Like prepareInput, but keeps the buffer between calls (at least `size` bytes).
 * @property {(length: number, unsafeHtml: boolean, idPrefix: string) => Uint8Array} renderMarkdownInput
 *   Renders the input buffer's first `length` bytes; a view of the HTML's bytes.
 * @property {(size: number) => number} [_quire_input_at]  inputBuffer's place in HEAPU8, a plain export
 * @property {(length: number, unsafeHtml: number) => number} [_quire_render_input]
 *   renderMarkdownInput without an id prefix, a plain export: where the HTML lies in HEAPU8
 * @property {() => number} [_quire_output_size]  the HTML's length
 * @property {Uint8Array} [HEAPU8]  the module's memory (a fresh view after it grows)
 * @property {() => LoadOutcome} loadBundle
 * @property {(handle: number, path: string) => LoadOutcome} addFile  adds the file in the input buffer (a chunk, or a search index file) named by its path
 * @property {(handle: number, path: string) => string} chunkFor  the files a path needs, one a line, or ''
 * @property {(handle: number, path: string, part: string) => RenderOutcome} renderPath
 * @property {(handle: number, request: Required<WidgetOptions>) => {ok: boolean, status: number, error: string, title: string, html: string, needs: string}} renderWidget
 * @property {(handle: number) => void} releaseBundle
 * @property {(markdown: string, unsafeHtml: boolean, idPrefix: string) => string} renderMarkdown
 * @property {() => number} bundleVersion
 */

/** @typedef {{ok: boolean, handle: number, code: string, message: string, posts: number}} LoadOutcome */

/**
 * @typedef {object} RenderOutcome
 * @property {boolean} ok
 * @property {number} status
 * @property {string} title
 * @property {string} path
 * @property {string} description
 * @property {string} html
 * @property {string} needs
 * @property {boolean} moved
 * @property {string} error
 */

/**
 * One rendered route.
 * @typedef {object} RenderedView
 * @property {number} status       200, or 404 for an unknown path
 * @property {string} title        the document title
 * @property {string} path         the canonical path (base path included)
 * @property {string} description  plain text for <meta name="description">
 * @property {string} html         inside of #quire-app ('app') or <main> ('main')
 * @property {string} needs        '' when complete; else the view is a post
 *   whose body is in a chunk not loaded yet (split bundle): `await
 *   bundle.ensure(path)`, then render again
 * @property {boolean} moved       the path is an old one of the view's (a
 *   post's alias): `path` is where it lives now
 */

/**
 * What a widget shows (the attributes of <quire-blog>, as written; the core
 * validates them: src/core/widget.hpp).
 * @typedef {object} WidgetOptions
 * @property {string} [view]        'latest' (default), 'post', 'tag', 'category', 'archive', 'month'
 * @property {string} [tag]         view 'tag': the tag's name or URL slug
 * @property {string} [category]    view 'category': the category's name or URL slug
 * @property {string} [month]       view 'month': 'YYYY-MM'
 * @property {string} [slug]        view 'post'
 * @property {string} [limit]       how many posts a list shows (1..1000; default
 *   the site's posts_per_page)
 * @property {string} [linkBase]    absolute http(s) URL links point under
 *   (default: the site's url + base_path)
 * @property {string} [bundleBase]  absolute URL of the bundle's folder: a post's
 *   images load from there; links too when the site has no url
 * @property {string} [idPrefix]    prepended to every id
 * @property {boolean} [back]       add a back button (data-quire-action="back")
 */

/**
 * One rendered widget view.
 * @typedef {object} RenderedWidget
 * @property {string} title  the post's title or the heading's text
 * @property {string} html   the markup to put inside the element
 * @property {string} needs  '' when complete; else a post view of a split
 *   bundle whose body is in a chunk not loaded yet (the html links to the
 *   post): `await bundle.load(needs)`, then render again
 */

/**
 * @typedef {object} CoreOptions
 * @property {string|URL} [moduleUrl]  where quire-core.js lives (default: next
 *   to this file); quire-core.wasm is expected beside it.
 * @property {ArrayBuffer|Uint8Array} [wasmBinary]  the .wasm bytes, if the
 *   caller already has them (node tests); skips fetching.
 */

/**
 * Every failure this API reports. `code` says what went wrong:
 * 'fetch' (HTTP or network), 'wasm' (the engine could not start), the
 * bundle loader's 'parse' | 'format' | 'version' | 'schema', 'render',
 * 'released', and renderWidget()'s 'request' (a bad option) | 'not-found'
 * (no such post or tag).
 */
export class QuireError extends Error {
  /**
   * @param {string} message
   * @param {string} code
   * @param {{cause?: unknown}} [options]
   */
  constructor(message, code, options) {
    super(message, options);
    this.name = 'QuireError';
    /** @type {string} */
    this.code = code;
  }
}

/**
 * Rounds of fetching one view may need, each what the core names after
 * the last (Bundle.complete): a search's boundary file, its words' shards,
 * a typo's shards, then its hits' post shards; a sharded post's slug file,
 * its shard, its chunk. Used by the app and the widget through complete().
 */
export const maxNeedRounds = 5;

/**
 * The diagrams web/diagrams.js draws (the app and the widget import it only
 * for a view holding one): a ```mermaid block, and the raw <div
 * class="mermaid"> Mermaid's own documentation has authors write. The
 * build ships Mermaid for the same (src/build/site_writer.cpp).
 */
export const diagramBlocks = 'pre:not([data-diagram]) > code.language-mermaid, div.mermaid:not([data-diagram]), pre.mermaid:not([data-diagram])';

// One module promise per page, kept on globalThis so that two copies of
// this file (say the app and a widget loaded from elsewhere) still share one
// instance of the core.
const slot = Symbol.for('quire.core');

/**
 * The page's one core module, created on first use. The first caller's
 * options decide where it comes from; every later caller, whatever it
 * passes, gets the same promise. A failed start is forgotten, so a later
 * call may retry.
 * @param {CoreOptions} [options]
 * @returns {Promise<QuireCore>}
 */
export function getCore(options = {}) {
  const shared = /** @type {{[slot]?: Promise<QuireCore>}} */ (globalThis);
  let promise = shared[slot];
  if (!promise) {
    const moduleUrl = new URL(options.moduleUrl ?? './quire-core.js', import.meta.url);
    promise = startCore(moduleUrl, options.wasmBinary).catch((error) => {
      if (shared[slot] === promise) delete shared[slot];
      if (error instanceof QuireError) throw error;
      throw new QuireError(`The blog engine could not start: ${messageOf(error)}`, 'wasm', { cause: error });
    });
    shared[slot] = promise;
  }
  return promise;
}

/**
 * @param {URL} moduleUrl
 * @param {ArrayBuffer|Uint8Array|undefined} wasmBinary
 * @returns {Promise<QuireCore>}
 */
async function startCore(moduleUrl, wasmBinary) {
  const wasmUrl = new URL('quire-core.wasm', moduleUrl);
  // The glue loads while the module downloads and compiles: neither waits
  // for the other. A server sending the wrong MIME type makes
  // compileStreaming fail, and then the plain ArrayBuffer path still works;
  // an HTTP error fails at once.
  const compiling = wasmBinary || wasmUrl.protocol === 'file:' || typeof WebAssembly.compileStreaming !== 'function'
    ? Promise.resolve(undefined)
    : WebAssembly.compileStreaming(fetchOk(wasmUrl)).catch((error) => {
      if (error instanceof QuireError) throw error;
      return undefined;
    });
  compiling.catch(() => {});  // reported below, once the glue is there
  const { default: createQuireCore } = await import(moduleUrl.href);
  /** @param {object} moduleArgs */
  const create = (moduleArgs) => createQuireCore(moduleArgs);

  if (wasmBinary) return create({ wasmBinary });
  if (wasmUrl.protocol === 'file:') return create({ wasmBinary: await readLocalFile(wasmUrl) });

  const compiled = await compiling;
  if (!compiled) {
    const response = await fetchOk(wasmUrl);
    return create({ wasmBinary: await response.arrayBuffer() });
  }
  const module = compiled;
  // The glue's own promise does not settle if instantiation fails in the
  // hook, so race it against our own rejection.
  /** @type {(reason: unknown) => void} */
  let fail = () => {};
  const failed = new Promise((_, reject) => { fail = reject; });
  return Promise.race([
    create({
      /**
       * @param {WebAssembly.Imports} imports
       * @param {(instance: WebAssembly.Instance, module: WebAssembly.Module) => void} receive
       */
      instantiateWasm(imports, receive) {
        WebAssembly.instantiate(module, imports).then((instance) => receive(instance, module), fail);
        return {};  // exports arrive asynchronously through receive()
      },
    }),
    failed,
  ]);
}

/**
 * @param {URL} url
 * @returns {Promise<Response>}
 */
async function fetchOk(url) {
  const response = await fetch(url);
  if (!response.ok) throw new QuireError(`HTTP ${response.status} for ${url.href}`, 'wasm');
  return response;
}

/** @param {URL} url @returns {Promise<Uint8Array>} */
async function readLocalFile(url) {
  // Node only. The specifier is a variable so that the type check of the
  // browser's code, which has no node types, does not look it up.
  const fs = 'node:fs/promises';
  /** @type {{readFile: (file: URL) => Promise<Uint8Array>}} */
  const { readFile } = await import(fs);
  return readFile(url);
}

/** @param {unknown} error */
function messageOf(error) {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A loaded bundle inside the core. Render any path of the route table with
 * render(); release() frees its memory.
 */
export class Bundle {
  /** @type {QuireCore} */
  #core;
  #released = false;
  /** @type {URL|undefined} */
  #url;
  /** Chunk loads by resolved URL, each fetched once. @type {Map<string, Promise<void>>} */
  #chunks = new Map();

  /**
   * @param {QuireCore} core
   * @param {number} handle
   * @param {number} posts
   * @param {URL} [url]  where the bundle came from (split bundles' chunks are relative to it)
   */
  constructor(core, handle, posts, url) {
    this.#core = core;
    this.#url = url;
    /** @readonly */
    this.handle = handle;
    /** Number of posts in the bundle. @readonly */
    this.posts = posts;
  }

  /**
   * Renders the view for a path (with an optional ?query; a #fragment is
   * ignored). Unknown paths give the 404 view with status 404.
   * @param {string} path  e.g. '/posts/hello/' or '/search/?q=wasm'
   * @param {'app'|'main'} [part]  'app': inside of #quire-app (header,
   *   <main>, footer); 'main': inside of <main> only
   * @returns {RenderedView}
   */
  render(path, part = 'app') {
    if (this.#released) throw new QuireError('This bundle has been released', 'released');
    const r = this.#core.renderPath(this.handle, String(path), part);
    if (!r.ok) throw new QuireError(r.error || 'Rendering failed', 'render');
    return { status: r.status, title: r.title, path: r.path, description: r.description, html: r.html, needs: r.needs, moved: r.moved };
  }

  /**
   * Loads what opening `path` needs and the bundle lacks: in a split
   * bundle, the chunk holding a post's body (fetched once, however often
   * asked); in a sharded one, a post's shard, then its chunk, and a home
   * page's shards (another list's shards come with its view's `needs`).
   * Resolves at once when nothing is missing.
   * @param {string} path
   * @returns {Promise<void>}
   * @throws {QuireError} 'fetch', or the chunk's 'parse' | 'format' | 'version' | 'schema'
   */
  async ensure(path) {
    if (this.#released) throw new QuireError('This bundle has been released', 'released');
    // One file, or several one a line (a search's index files, a sharded
    // bundle's post shards), in rounds: a post's shard, then its chunk.
    const needed = () => ({ needs: this.#core.chunkFor(this.handle, String(path)) });
    await this.complete(needed(), needed);
  }

  /**
   * Completes a view: while it names files the bundle lacks (`needs`),
   * loads them and renders it again (`render`), at most maxNeedRounds
   * times. Resolves to the last render, or to null once `wanted()` turns
   * false (the reader went elsewhere meanwhile). A view that needs nothing
   * is best not passed here: the caller can show it in the same task.
   * @template {{needs: string}} V
   * @param {V} view  the first render
   * @param {() => V} render
   * @param {() => boolean} [wanted]
   * @returns {Promise<V|null>}
   * @throws {QuireError} as load(), or what `render` throws
   */
  async complete(view, render, wanted = () => true) {
    for (let round = 0; view.needs && round < maxNeedRounds; round += 1) {
      await this.loadNeeds(view.needs);
      if (!wanted()) return null;
      view = render();
    }
    return view;
  }

  /**
   * Loads the files a rendered view names in its `needs` (one a line).
   * @param {string} needs
   * @returns {Promise<void>}
   * @throws {QuireError} as load()
   */
  loadNeeds(needs) {
    return Promise.all(String(needs).split('\n').filter(Boolean).map((file) => this.load(file))).then(() => {});
  }

  /**
   * Loads a chunk of a split bundle (a view's `needs`), fetched once
   * however often asked; resolves at once for ''.
   * @param {string} chunk  path relative to the bundle's URL
   * @returns {Promise<void>}
   * @throws {QuireError} 'fetch', or the chunk's 'parse' | 'format' | 'version' | 'schema'
   */
  load(chunk) {
    if (this.#released) return Promise.reject(new QuireError('This bundle has been released', 'released'));
    if (!chunk) return Promise.resolve();
    const url = new URL(chunk, this.#url ?? globalThis.location?.href);
    let loading = this.#chunks.get(url.href);
    if (!loading) {
      loading = fetchBundle(url).then((bytes) => {
        if (this.#released) return;
        this.#core.prepareInput(bytes.length).set(bytes);
        const r = this.#core.addFile(this.handle, chunk);
        if (!r.ok) throw new QuireError(`${url.href}: ${r.message}`, r.code || 'parse');
      });
      // A failed load may be retried later.
      loading.catch(() => this.#chunks.delete(url.href));
      this.#chunks.set(url.href, loading);
    }
    return loading;
  }

  /**
   * Starts loading what `path` needs (on hover, say); errors are ignored
   * here and surface when the view is shown.
   * @param {string} path
   */
  prefetch(path) {
    this.ensure(path).catch(() => {});
  }

  /**
   * Renders a widget view (what <quire-blog> shows): compact, with absolute
   * links and every id prefixed.
   * @param {WidgetOptions} [options]
   * @returns {RenderedWidget}
   * @throws {QuireError} code 'request' for a bad option, 'not-found' for
   *   an unknown post or tag; the message names the attribute
   */
  renderWidget(options = {}) {
    if (this.#released) throw new QuireError('This bundle has been released', 'released');
    const text = (/** @type {unknown} */ value) => (value == null ? '' : String(value));
    const r = this.#core.renderWidget(this.handle, {
      view: text(options.view),
      tag: text(options.tag),
      category: text(options.category),
      month: text(options.month),
      slug: text(options.slug),
      limit: text(options.limit),
      linkBase: text(options.linkBase),
      bundleBase: text(options.bundleBase),
      idPrefix: text(options.idPrefix),
      back: Boolean(options.back),
    });
    if (!r.ok) throw new QuireError(r.error || 'Rendering failed', 'render');
    if (r.status !== 200) throw new QuireError(r.error, r.status === 404 ? 'not-found' : 'request');
    return { title: r.title, html: r.html, needs: r.needs };
  }

  /** Frees the bundle inside the core; render() throws afterwards. */
  release() {
    if (this.#released) return;
    this.#released = true;
    this.#core.releaseBundle(this.handle);
  }
}

/**
 * Loads a bundle from its bytes (the JSON document written by `quire build`).
 * @param {Uint8Array|ArrayBuffer|string} bytes
 * @param {{url?: string|URL}} [options]  url: where the bytes came from; a
 *   split bundle's chunks are fetched relative to it (default: the page)
 * @returns {Promise<Bundle>}
 * @throws {QuireError} code 'parse' | 'format' | 'version' | 'schema', with
 *   a message naming the JSON path, e.g. "posts[1].date: expected string"
 */
export async function loadBundle(bytes, { url } = {}) {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes)
    : bytes instanceof Uint8Array ? bytes
      : new Uint8Array(bytes);
  const core = await getCore();
  // Take a fresh view each time: growing memory detaches old ones.
  core.prepareInput(data.length).set(data);
  const result = core.loadBundle();
  if (!result.ok) throw new QuireError(result.message || 'The bundle is not valid', result.code || 'parse');
  const base = url === undefined ? undefined : new URL(url, globalThis.location?.href);
  return new Bundle(core, result.handle, result.posts, base);
}

/**
 * Fetches a bundle's bytes.
 * @param {string|URL} url
 * @param {{signal?: AbortSignal}} [options]
 * @returns {Promise<Uint8Array>}
 * @throws {QuireError} code 'fetch' on an HTTP or network error (an abort
 *   rejects with the signal's AbortError, untouched)
 */
export async function fetchBundle(url, { signal } = {}) {
  const href = String(url);
  let response;
  try {
    response = await fetch(url, { signal });
    // Inside the try: a connection can also drop in the middle of the body.
    if (response.ok) return new Uint8Array(await response.arrayBuffer());
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new QuireError(`Could not load the blog (network error for ${href}: ${messageOf(error)})`, 'fetch',
      { cause: error });
  }
  throw new QuireError(`Could not load the blog (HTTP ${response.status} for ${href})`, 'fetch');
}

/**
 * Renders a markdown document with the core's renderer (the dialect and
 * safety policy of src/core/markdown.hpp).
 * @param {string} markdown
 * @param {{unsafeHtml?: boolean, idPrefix?: string}} [options]
 *   unsafeHtml passes raw HTML through; idPrefix is prepended to every id
 *   (headings, footnotes) so several documents can share a page
 * @returns {Promise<string>} HTML
 */
export async function renderMarkdown(markdown, { unsafeHtml = false, idPrefix = '' } = {}) {
  return renderMarkdownWith(await getCore(), markdown, { unsafeHtml, idPrefix });
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * renderMarkdown() without the await, for a core already started (getCore()).
 * Bytes cross the boundary, not strings: the markdown is encoded straight
 * into WASM memory and the HTML decoded from it, which is faster than
 * Embind's std::string marshalling.
 * @param {QuireCore} core
 * @param {string} markdown
 * @param {{unsafeHtml?: boolean, idPrefix?: string}} [options]
 * @returns {string} HTML
 */
export function renderMarkdownWith(core, markdown, { unsafeHtml = false, idPrefix = '' } = {}) {
  const text = String(markdown);
  const prefix = String(idPrefix);
  // UTF-8 takes at most 3 bytes per UTF-16 unit; views are taken fresh
  // because memory may grow.
  const capacity = text.length * 3;
  if (!prefix && core._quire_render_input) {
    // The module's plain exports and its memory (wasm/bindings.cpp): no
    // Embind marshalling, a few percent of a post's render.
    const at = core._quire_input_at(capacity) >>> 0;
    const { written } = encoder.encodeInto(text, core.HEAPU8.subarray(at, at + capacity));
    const html = core._quire_render_input(written ?? 0, unsafeHtml ? 1 : 0) >>> 0;
    return decoder.decode(core.HEAPU8.subarray(html, html + (core._quire_output_size() >>> 0)));
  }
  const { written } = encoder.encodeInto(text, core.inputBuffer(capacity));
  return decoder.decode(core.renderMarkdownInput(written ?? 0, Boolean(unsafeHtml), prefix));
}
