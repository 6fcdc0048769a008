// Types of web/quire.js, Quire's JavaScript API over the WebAssembly core.
// Hand-written from the module's JSDoc; tests/e2e/widget.test.mjs checks
// that every runtime export is declared here.

/** One rendered route (Bundle.render). */
export interface RenderedView {
  /** 200, or 404 for an unknown path. */
  status: number;
  /** The document title. */
  title: string;
  /** The canonical path (base path included). */
  path: string;
  /** Plain text for <meta name="description">. */
  description: string;
  /** Inside of #quire-app ('app') or of <main> ('main'). */
  html: string;
  /**
   * '' when the view is complete; else the files it lacks, one a line (a
   * split bundle's chunk holding a post's body, a sharded bundle's shards of
   * the posts shown, a search's index files): `await
   * bundle.loadNeeds(needs)`, then render again.
   */
  needs: string;
  /** The path was an old one (a post's alias): `path` is where it lives now. */
  moved: boolean;
}

/**
 * What a widget shows: the attributes of <quire-blog>, as written. The core
 * validates them (src/core/widget.hpp).
 */
export interface WidgetOptions {
  /** 'latest' (default), 'post', 'tag', 'category', 'archive' or 'month'. */
  view?: string;
  /** view 'tag': the tag's name or URL slug. */
  tag?: string;
  /** view 'category': the category's name or URL slug (a site with categories apart). */
  category?: string;
  /** view 'month': 'YYYY-MM'. */
  month?: string;
  /** view 'post': the post's slug. */
  slug?: string;
  /** How many posts a list shows, 1..1000; default the site's posts_per_page. */
  limit?: string | number;
  /** Absolute http(s) URL links point under; default the site's url + base_path. */
  linkBase?: string;
  /** Absolute URL of the bundle's folder: a post's images load from there; links too when the site has no url. */
  bundleBase?: string;
  /** Prepended to every id in the markup. */
  idPrefix?: string;
  /** Put a back button (data-quire-action="back") above the view. */
  back?: boolean;
}

/** One rendered widget view (Bundle.renderWidget). */
export interface RenderedWidget {
  /** The post's title or the heading's text. */
  title: string;
  /** The markup to put inside the element. */
  html: string;
  /**
   * '' when complete; else a post view of a split bundle whose body is in a
   * chunk not loaded yet (the html links to the post): `await
   * bundle.load(needs)`, then render again.
   */
  needs: string;
}

export interface CoreOptions {
  /** Where quire-core.js lives (default: next to quire.js); quire-core.wasm is expected beside it. */
  moduleUrl?: string | URL;
  /** The .wasm bytes, if the caller already has them; skips fetching. */
  wasmBinary?: ArrayBuffer | Uint8Array;
}

/** Error codes of QuireError. */
export type QuireErrorCode =
  | 'fetch' | 'wasm' | 'parse' | 'format' | 'version' | 'schema'
  | 'render' | 'released' | 'request' | 'not-found';

/** Every failure the API reports. */
export class QuireError extends Error {
  constructor(message: string, code: string, options?: { cause?: unknown });
  readonly name: 'QuireError';
  /** What went wrong; see QuireErrorCode. */
  code: QuireErrorCode | string;
}

/** The Embind module (opaque: use Bundle and the functions below). */
export interface QuireCore {
  bundleVersion(): number;
}

/**
 * The page's one core module, created on first use and shared by every
 * caller (also across copies of this file). A failed start may be retried.
 */
export function getCore(options?: CoreOptions): Promise<QuireCore>;

/** Rounds of fetching one view may need (Bundle.complete). */
export const maxNeedRounds: number;

/** The CSS selector of the diagrams web/diagrams.js draws (```mermaid blocks, raw <div class="mermaid">). */
export const diagramBlocks: string;

/** A loaded bundle inside the core. */
export class Bundle {
  private constructor();
  readonly handle: number;
  /** Number of posts in the bundle. */
  readonly posts: number;
  /**
   * Renders the view for a path of the route table (src/core/router.hpp);
   * unknown paths give the 404 view with status 404.
   */
  render(path: string, part?: 'app' | 'main'): RenderedView;
  /**
   * Renders a widget view: compact, absolute links, every id prefixed.
   * @throws QuireError 'request' (bad option) or 'not-found' (no such post or tag)
   */
  renderWidget(options?: WidgetOptions): RenderedWidget;
  /**
   * Loads what opening `path` needs (a split bundle's chunk holding a
   * post's body; in a sharded bundle, a post's shard and chunk, a home
   * page's shards: another list's shards are named by its view's `needs`
   * when shown), fetched once however
   * often asked; resolves at once when nothing is missing.
   * @throws QuireError 'fetch', or the chunk's 'parse' | 'format' | 'version' | 'schema'
   */
  ensure(path: string): Promise<void>;
  /**
   * Completes a view: while it names files the bundle lacks (`needs`),
   * loads them and renders it again with `render`, at most maxNeedRounds
   * times; null once `wanted()` turns false.
   * @throws QuireError as load(), or what `render` throws
   */
  complete<V extends { needs: string }>(view: V, render: () => V, wanted?: () => boolean): Promise<V | null>;
  /**
   * Loads every file a view's `needs` names (one a line).
   * @throws QuireError as load()
   */
  loadNeeds(needs: string): Promise<void>;
  /**
   * Loads a chunk of a split bundle (a view's `needs`, relative to the
   * bundle's URL), fetched once however often asked; resolves at once for ''.
   * @throws QuireError 'fetch', or the chunk's 'parse' | 'format' | 'version' | 'schema'
   */
  load(chunk: string): Promise<void>;
  /** Starts ensure(path), ignoring errors (on hover, say). */
  prefetch(path: string): void;
  /** Frees the bundle inside the core; render() throws afterwards. */
  release(): void;
}

/**
 * Loads a bundle from its bytes.
 * @throws QuireError 'parse' | 'format' | 'version' | 'schema'
 */
export function loadBundle(bytes: Uint8Array | ArrayBuffer | string, options?: { url?: string | URL }): Promise<Bundle>;

/**
 * Fetches a bundle's bytes.
 * @throws QuireError 'fetch' on an HTTP or network error
 */
export function fetchBundle(url: string | URL, options?: { signal?: AbortSignal }): Promise<Uint8Array>;

/** Renders markdown with the core's renderer (dialect and safety policy of src/core/markdown.hpp). */
export function renderMarkdown(markdown: string, options?: { unsafeHtml?: boolean; idPrefix?: string }): Promise<string>;

/**
 * renderMarkdown() without the await, with a core from getCore(): bytes,
 * not strings, cross into WebAssembly.
 */
export function renderMarkdownWith(core: QuireCore, markdown: string, options?: { unsafeHtml?: boolean; idPrefix?: string }): string;
