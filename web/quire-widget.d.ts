// Types of web/quire-widget.js, the <quire-blog> element. Hand-written; the
// attributes, custom properties, parts and events are described in the
// README ("Embed").

export interface QuireReadyDetail {
  /** The bundle's absolute URL. */
  src: string;
  /** How many posts it has. */
  posts: number;
}

export interface QuireRenderedDetail {
  /** 'latest' | 'post' | 'tag' | 'archive' | 'month' ('post' while a post is open in place). */
  view: string;
  /** The post's title or the heading's text. */
  title: string;
}

export interface QuireErrorDetail {
  /** What went wrong (the URL and HTTP status, or the attribute at fault); the reader sees the fallback content instead. */
  message: string;
  /** A QuireError code ('fetch', 'parse', 'request', 'not-found', ...). */
  code: string;
}

/**
 * <quire-blog src=".../bundle.json" view="latest" limit="5">: a Quire blog's
 * posts inside any page. Each property mirrors its attribute (null when
 * the attribute is absent).
 */
export class QuireBlogElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** The bundle's URL (required). */
  src: string | null;
  /** 'latest' (default), 'post', 'tag', 'category', 'archive' or 'month'. */
  view: string | null;
  /** view="tag": the tag's name or slug. */
  tag: string | null;
  /** view="category": the category's name or slug (a blog that keeps categories apart). */
  category: string | null;
  /** view="month": 'YYYY-MM'. */
  month: string | null;
  /** view="post": the post's slug. */
  slug: string | null;
  /** How many posts a list shows (1..1000). */
  limit: string | null;
  /** Where post links point (attribute link-base); default the blog's url + base path. */
  linkBase: string | null;
  /** 'inline' opens posts inside the element, with a back button. */
  navigate: string | null;
  /** 'auto' (default: the host's declared color-scheme, else the system's), 'light' or 'dark'. */
  theme: string | null;
  /** This instance's id prefix (unique on the page). */
  readonly idPrefix: string;

  addEventListener<K extends keyof QuireBlogEventMap>(
    type: K, listener: (this: QuireBlogElement, event: QuireBlogEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof QuireBlogEventMap>(
    type: K, listener: (this: QuireBlogElement, event: QuireBlogEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | EventListenerOptions): void;
}

export interface QuireBlogEventMap extends HTMLElementEventMap {
  'quire-ready': CustomEvent<QuireReadyDetail>;
  'quire-rendered': CustomEvent<QuireRenderedDetail>;
  'quire-error': CustomEvent<QuireErrorDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'quire-blog': QuireBlogElement;
  }
  // The events bubble and are composed: listen on document too.
  interface DocumentEventMap {
    'quire-ready': CustomEvent<QuireReadyDetail>;
    'quire-rendered': CustomEvent<QuireRenderedDetail>;
    'quire-error': CustomEvent<QuireErrorDetail>;
  }
}
