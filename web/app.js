// The reader's app, loaded by every pre-rendered page.
//
// The page arrives complete (the build wrote it with the same core), so the
// app only takes over navigation: it loads the bundle into the WASM core,
// then renders each later route in place and owns history, scrolling, focus
// and the live-region announcement. Until the bundle is loaded, and if it
// never loads, links are ordinary links to the static pages; so is a link
// the app cannot show in place (no view of the blog's: another page of the
// host; a chunk that would not load).
//
// On a page that arrived pre-rendered, the core starts on the reader's
// first interaction (pointer, touch, key, focus): reading needs no
// JavaScript, and the first paint stays free of WASM work. With Save-Data
// it does not start there at all: links stay ordinary page loads. A page
// that must be rendered client-side (a 404.html fallback, /search/?q=)
// starts it at once: its head preloads the core and the bundle, so the
// compile and the bundle's load overlap the page's own first paint, and
// the view is rendered as soon as both are there.
//
// For tests: window.__quire = {ready, navigations, warmedUp}; reading
// `ready` starts the core if it hasn't started, and resolves to true once
// the bundle is loaded (false if it failed, never rejects); `navigations`
// counts client-side renders; `warmedUp` turns true once a pre-rendered
// page's view has been rendered in idle time and thrown away (warmUp).
// Each render dispatches `quire:rendered` on document,
// with {path, status, title} as detail; before that, `quire:render` with
// {fragment}: the new view not yet in the page, for scripts that keep
// state on the chrome (theme.js) to set it there, so that unchanged chrome
// stays as it is. Performance marks (for benchmarks and DevTools):
// quire:start (the core starts), quire:core-ready, quire:bundle-fetched,
// quire:bundle-loaded, quire:first-view (a page rendered client-side at
// load).

import { previewFootnotes } from './footnote-preview.js';
import { diagramBlocks, fetchBundle, getCore, loadBundle } from './quire.js';

/** @typedef {import('./quire.js').Bundle} Bundle */

/**
 * @typedef {object} HistoryState
 * @property {{x: number, y: number}} [scroll]  where the reader was
 */

/**
 * @typedef {object} ShowOptions
 * @property {'push'|'replace'|'none'} history  what to do with the URL
 * @property {{x: number, y: number}} [scroll]  restore this instead of top/fragment
 * @property {boolean} [focus]    move focus to the new view's h1 (default true)
 * @property {boolean} [initial]  the first render after page load
 * @property {boolean} [focusSearch]  keep focus in the search box (search as you type)
 */

/** Search as you type waits this long after the last keystroke (ms). */
const typingDelay = 150;

const root = document.getElementById('quire-app');
const status = document.getElementById('quire-status');

/** Starts loading the bundle (once); set by start(). */
let startCore = () => Promise.resolve(false);
/** @type {Promise<boolean>|null} */
let loading = null;
/** math.js, once a view with math has loaded it. @type {typeof import('./math.js')|null} */
let mathModule = null;
/** @type {{readonly ready: Promise<boolean>, navigations: number, warmedUp: boolean}} */
const testHooks = {
  get ready() { return startCore(); },
  navigations: 0,
  warmedUp: false,
};
/** @type {any} */ (window).__quire = testHooks;

/** @type {Bundle|null} */
let bundle = null;
/** @type {unknown} */
let loadError = null;
/** The link a reader last pointed at or focused (onIntent). @type {Element|null} */
let lastIntent = null;
/** The blog's base path (#quire-app's data-base). */
let appBase = '/';
/** Counts show() calls, so that a slow chunk cannot overwrite a later view. */
let latestShow = 0;
/** The ticket of a navigation's show() waiting for its chunk (0: none); not the first render's. */
let waitingShow = 0;
/** pathname + search of what the page shows now. */
let shownPath = location.pathname + location.search;

/** The reader asked to save data (Save-Data). */
const saveData = Boolean(/** @type {{connection?: {saveData?: boolean}}} */ (navigator).connection?.saveData);
/** How far outside the viewport a link counts as in view (px). */
const inViewMargin = 200;
/**
 * Links in or near the viewport: in a split bundle, the chunks of the posts
 * they open load while the reader looks at the list, so that opening one
 * waits for nothing. Not when the reader asked to save data, and only in
 * idle time, after the view is shown.
 */
const inView = typeof IntersectionObserver === 'function' && !saveData
  ? new IntersectionObserver((entries, observer) => {
    for (const entry of entries) {
      if (!entry.isIntersecting) continue;
      observer.unobserve(entry.target);
      prefetchFor(/** @type {HTMLAnchorElement} */ (entry.target));
    }
  }, { rootMargin: `${inViewMargin}px 0px` })
  : null;

if (root) start(root);
else console.warn('Quire: no #quire-app element on this page; nothing to do.');

/** @param {HTMLElement} app */
function start(app) {
  appBase = app.dataset.base || '/';
  const bundleUrl = new URL(app.dataset.bundle || `${appBase}bundle.json`, location.href);
  // The app restores scroll positions itself (the browser cannot: the
  // content of an entry only exists once the app renders it again).
  history.scrollRestoration = 'manual';

  const needsRender = !showsUrl(app);
  // Search and the 404 view keep what the page arrived with (the form, the
  // help, "Page not found") until the client view is ready, and if it never is.
  const keepsContent = keepsPage();
  if (needsRender && !keepsContent) showLoading();
  else if (needsRender) mainElement().setAttribute('aria-busy', 'true');
  else restoreInitialScroll();

  startCore = () => {
    if (loading) return loading;
    // The core (glue, compile, instantiate) starts while the bundle is
    // downloading, not after it.
    performance.mark('quire:start');
    loading = Promise.all([fetchBundle(bundleUrl).then(marked('quire:bundle-fetched')),
      getCore().then(marked('quire:core-ready'))])
      .then(([bytes]) => loadBundle(bytes, { url: bundleUrl }))
      .then((loaded) => {
        performance.mark('quire:bundle-loaded');
        bundle = loaded;
        return true;
      }, (error) => {
        loadError = error;
        return false;
      });
    loading.then((ok) => {
      if (ok && !needsRender) {
        prefetchInView(app);
        whenIdle(warmUp);
      }
      if (needsRender) {
        // In a task of its own, and its DOM in another (show): on a phone
        // each is shorter than loading the bundle and the view together.
        if (ok) setTimeout(() => show(new URL(location.href), { history: 'none', focus: false, initial: true, scroll: savedScroll() }));
        else showError(loadError, keepsContent);
      } else if (!ok) {
        console.warn('Quire: the blog could not be loaded; links work as normal page loads.', loadError);
      }
    });
    return loading;
  };
  // A reader who asked to save data gets plain page loads on a pre-rendered
  // page: the core and the bundle (the index alone is 1.4 MB gzip at 10,000
  // posts) are fetched only where a view must be rendered client-side.
  // Not on a tap (or a click's focus) on a link that loads another page:
  // that page load would abort the downloads at once.
  if (!needsRender && !saveData) {
    const events = ['pointerover', 'pointerdown', 'touchstart', 'keydown', 'focusin'];
    /** @param {Event} event */
    const onFirst = (event) => {
      if (leavesPage(event)) return;
      for (const type of events) removeEventListener(type, onFirst, true);
      startCore();
    };
    for (const type of events) addEventListener(type, onFirst, { capture: true, passive: true });
  }

  // Every view of this page needs the core: start it now, not after the
  // page as it arrived has painted (that wait was 30-60 ms of nothing).
  if (needsRender) startCore();

  previewFootnotes(app);  // before onClick (on document): a preview is no navigation
  typesetMath(app);
  // A view's math typeset before it enters the page, once Temml is there.
  document.addEventListener('quire:render', (event) => mathModule?.typesetLoaded(
    /** @type {CustomEvent} */ (event).detail.fragment));
  document.addEventListener('quire:rendered', () => typesetMath(app));
  drawDiagrams(app);
  document.addEventListener('quire:rendered', () => drawDiagrams(app));
  document.addEventListener('click', onClick);
  addCopyButtons(app);
  app.addEventListener('click', onCopy);
  // A split bundle's post bodies: start fetching when the reader points at
  // or tabs to a link, not only when they click.
  document.addEventListener('pointerover', onIntent);
  document.addEventListener('focusin', onIntent);
  document.addEventListener('submit', onSubmit);
  document.addEventListener('input', onSearchInput);
  window.addEventListener('popstate', onPopState);
  // So that reload and back-from-another-site land where the reader was.
  window.addEventListener('pagehide', saveScroll);
  // And so that Forward returns to where the reader left a view: at
  // popstate the entry left behind can no longer be written, so its place
  // is kept as the reader scrolls (debounced: browsers limit history calls).
  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    clearTimeout(scrollTimer);
    scrollTimer = window.setTimeout(saveScroll, 100);
  }, { passive: true });
}

/**
 * A view's math (core/math.hpp), typeset by math.js: fetched only by a view
 * that has some.
 * @param {HTMLElement} app
 */
function typesetMath(app) {
  if (!app.querySelector('span.math:not([data-typeset])')) return;
  import('./math.js').then((m) => {
    mathModule = m;
    return m.typeset(app);
  }, (error) => console.warn('Quire: math stays TeX:', error));
}

/**
 * A view's ```mermaid blocks, drawn by diagrams.js: fetched only by a view
 * that has one.
 * @param {HTMLElement} app
 */
function drawDiagrams(app) {
  if (!app.querySelector(diagramBlocks)) return;
  import('./diagrams.js').then((m) => m.draw(app), (error) => console.warn('Quire: diagrams stay source:', error));
}

/**
 * Is this first interaction the start of a page load: a touch on a link to
 * another page, or the focus a pointer gives such a link? (A mouse pointing
 * at a link is not: the click comes later, and the core is worth starting.)
 * @param {Event} event
 */
function leavesPage(event) {
  const pointer = /** @type {{pointerType?: string}} */ (event).pointerType;
  const touch = event.type === 'touchstart' || (pointer !== undefined && pointer !== 'mouse');
  const link = /** @type {Element|null} */ (event.target)?.closest?.('a[href]');
  if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== '_self')) return false;
  if (!touch && !(event.type === 'focusin' && !link.matches(':focus-visible'))) return false;
  try {
    const url = new URL(link.href);
    return url.pathname + url.search !== location.pathname + location.search;
  } catch {
    return false;
  }
}

/**
 * A "Copy" button before each code block in <main>: scripts only (a page
 * without them has none), where the clipboard can be written. It copies the
 * code's text exactly (line numbers are CSS, not text) and says "Copied",
 * on the button and to screen readers through the polite status region.
 * @param {HTMLElement} app
 */
function addCopyButtons(app) {
  if (!navigator.clipboard?.writeText) return;
  for (const pre of app.querySelectorAll('main pre')) {
    if (pre.previousElementSibling?.classList.contains('code-copy')) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.textContent = 'Copy';
    button.setAttribute('aria-label', 'Copy code');
    pre.before(button);
  }
}

/** @param {MouseEvent} event */
async function onCopy(event) {
  const button = event.target instanceof Element ? event.target.closest('button.code-copy') : null;
  const code = button?.nextElementSibling?.querySelector('code');
  if (!button || !code) return;
  let said = 'Copied';
  try {
    await navigator.clipboard.writeText(code.textContent ?? '');
  } catch {
    said = 'Copy failed';
  }
  button.textContent = said;
  if (status) status.textContent = status.textContent === said ? `${said}\u00a0` : said;
  setTimeout(() => { button.textContent = 'Copy'; }, 2000);
}

/**
 * Does the page as it arrived show what the URL asks for? Its path must be
 * its route's. The query string counts only for a view that reads one
 * (search: ?q=, &page=), which the core marks by a GET form in <main>
 * submitting to the view itself; elsewhere ?utm_source= and the like
 * change nothing, and the pre-rendered page stays.
 * @param {HTMLElement} app
 */
function showsUrl(app) {
  const route = app.dataset.route;
  if (location.pathname !== route) return false;
  if (!location.search) return true;
  const readsQuery = [...app.querySelectorAll('main form')].some((form) => form instanceof HTMLFormElement
    && form.method === 'get' && new URL(form.action, location.href).pathname === route);
  return !readsQuery;
}

/**
 * Passes a value through, marking when it arrived (see the header).
 * @param {string} name
 */
function marked(name) {
  /** @template T @param {T} value @returns {T} */
  return (value) => {
    performance.mark(name);
    return value;
  };
}

/**
 * Is this URL one of the blog's views (not a file like feed.xml)?
 * @param {URL} url
 */
function isAppUrl(url) {
  if (url.origin !== location.origin) return false;
  const underBase = url.pathname.startsWith(appBase) || `${url.pathname}/` === appBase;
  if (!underBase) return false;
  const last = url.pathname.slice(url.pathname.lastIndexOf('/') + 1);
  return !/\.[^.]+$/.test(last) || /\.html?$/i.test(last);
}

/**
 * Where a link leads, when the app would open it in place: not another
 * site or a file, not in another window, not a download, and a URL at all
 * (an href that is not one stays the browser's business).
 * @param {HTMLAnchorElement} link
 * @returns {URL|null}
 */
function opensInPlace(link) {
  if ((link.target && link.target !== '_self') || link.hasAttribute('download')) return null;
  let url;
  try {
    url = new URL(link.href);
  } catch {
    return null;
  }
  return isAppUrl(url) ? url : null;
}

/** @param {MouseEvent} event */
function onClick(event) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const target = /** @type {Element|null} */ (event.target);
  const link = target?.closest?.('a[href]');
  if (!link || !(link instanceof HTMLAnchorElement)) return;
  const url = opensInPlace(link);
  if (!url) return;

  if (url.pathname + url.search === shownPath) {
    if (url.hash) {
      // Same view, other fragment: the browser scrolls; remember where the
      // reader was so that Back returns there. A view still waiting for its
      // chunk is no longer wanted.
      cancelWaitingShow();
      saveScroll();
      return;
    }
    // A link to the view already shown: show it again from the top
    // (without a reload, and without a new history entry).
    if (!bundle) return;
    event.preventDefault();
    show(url, { history: 'replace' });
    return;
  }
  if (!bundle) return;  // not ready: the static page is a normal load away
  event.preventDefault();
  show(url, { history: 'push' });
}

/**
 * Prefetches what the link under the pointer or focus will need.
 * @param {Event} event
 */
function onIntent(event) {
  if (!bundle) return;
  const link = /** @type {Element|null} */ (event.target)?.closest?.('a[href]');
  // pointerover fires for every child of a link: ask the core once a link.
  if (!(link instanceof HTMLAnchorElement) || link === lastIntent) return;
  lastIntent = link;
  prefetchFor(link);
}

/**
 * Starts loading what the view a link opens will need (its chunk, in a
 * split bundle), when the link is one of the blog's views.
 * @param {HTMLAnchorElement} link
 */
function prefetchFor(link) {
  const url = opensInPlace(link);
  if (bundle && url) bundle.prefetch(url.pathname);
}

/**
 * In idle time, after a view is shown: watches its links for coming into
 * view (inView), and starts loading what a list's next page ("Older
 * posts", the pagination's rel="next") needs wherever that link is: the
 * list's likeliest next view, a shard or two on the home list (the core
 * names nothing for lists whose posts are spread over many shards). Not a
 * post's link to the next post: its body's chunk is larger, and less likely
 * wanted.
 * @param {HTMLElement} app
 */
function prefetchInView(app) {
  if (!inView) return;
  inView.disconnect();
  whenIdle(() => {
    for (const link of app.querySelectorAll('main a[href]')) inView.observe(link);
    const next = app.querySelector('main .pagination a[rel="next"]');
    if (next instanceof HTMLAnchorElement) prefetchFor(next);
  });
}

/** @param {() => void} task  runs when the main thread has nothing to do */
function whenIdle(task) {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task);
  else setTimeout(task, 50);
}

/**
 * On a pre-rendered page, in idle time, renders the view shown, then the
 * view the reader is likeliest to open next (the link they last pointed
 * at, else the first link in <main>: a post, on a list), and throws both
 * away. The browser compiles the core's code lazily, function by function,
 * so the reader's first navigation would otherwise wait for that too. A
 * view whose post body is in a chunk not loaded yet is warmed once the
 * chunk is there; it is fetched only as prefetching would fetch it anyway
 * (a link pointed at, or one in view without Save-Data). Each step stops
 * once the reader has navigated. `warmedUp` turns true after the second
 * step, whatever the renders gave.
 */
function warmUp() {
  const loaded = bundle;
  const app = root;
  if (!loaded || !app) return;
  const unmoved = () => latestShow === 0;  // no navigation started since load
  /** @param {string} path @returns {boolean} whether its view needs a chunk */
  const render = (path) => {
    try {
      return Boolean(loaded.render(path, 'app').needs);
    } catch {
      return false;  // a real navigation reports the error
    }
  };
  if (!unmoved()) return;
  render(shownPath);
  whenIdle(() => {
    if (!unmoved()) return;
    for (const link of [lastIntent, ...app.querySelectorAll('main a[href]')]) {
      const url = link instanceof HTMLAnchorElement && opensInPlace(link);
      const next = url && url.pathname + url.search;
      if (!link || !next || next === shownPath) continue;
      if (render(next) && (link === lastIntent || (inView && nearView(link)))) {
        loaded.ensure(next).then(() => whenIdle(() => {
          if (unmoved()) render(next);
        }), () => {});
      }
      break;
    }
    testHooks.warmedUp = true;
  });
}

/**
 * Is the element in the viewport or within the in-view prefetch's margin?
 * @param {Element} element
 */
function nearView(element) {
  const box = element.getBoundingClientRect();
  return box.bottom >= -inViewMargin && box.top <= window.innerHeight + inViewMargin;
}

/**
 * The search form (GET to the search route) becomes a client navigation.
 * @param {SubmitEvent} event
 */
function onSubmit(event) {
  const form = event.target;
  if (event.defaultPrevented || !bundle || !(form instanceof HTMLFormElement)) return;
  if (form.method.toLowerCase() !== 'get' || (form.target && form.target !== '_self')) return;
  const url = new URL(form.action, location.href);
  if (!isAppUrl(url) || url.pathname !== `${appBase}search/`) return;
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form, event.submitter)) {
    if (typeof value === 'string') params.append(name, value);
  }
  url.search = params.toString();
  url.hash = '';
  event.preventDefault();
  clearTimeout(typingTimer);
  show(url, { history: url.pathname + url.search === shownPath ? 'replace' : 'push', focusSearch: true });
}

let typingTimer = 0;
/** Counts live searches, so that a slow one never replaces a later one. */
let latestTyped = 0;

/**
 * Search as you type: in a search box (a GET form to the search view: the
 * header's, the search view's, the 404 view's), results follow the words
 * after a short pause. On the search view only its results are replaced
 * (the box, and focus in it, stay) and the URL follows with replaceState;
 * from another view the first pause opens the search view (a new history
 * entry), focus moving to its box.
 * @param {Event} event
 */
function onSearchInput(event) {
  const input = event.target;
  if (!(input instanceof HTMLInputElement) || input.name !== 'q') return;
  const form = input.form;
  if (!form || form.method.toLowerCase() !== 'get') return;
  const url = new URL(form.action, location.href);
  if (!isAppUrl(url) || url.pathname !== `${appBase}search/`) return;
  startCore();
  clearTimeout(typingTimer);
  typingTimer = window.setTimeout(() => liveSearch(input, url), typingDelay);
}

/**
 * @param {HTMLInputElement} input
 * @param {URL} url  the search view's URL
 */
async function liveSearch(input, url) {
  const ticket = ++latestTyped;
  if (!(await startCore()) || ticket !== latestTyped) return;
  const loaded = /** @type {Bundle} */ (bundle);
  const words = input.value.trim() ? input.value : '';
  url.search = words ? new URLSearchParams({ q: words }).toString() : '';
  const path = url.pathname + url.search;
  const app = /** @type {HTMLElement} */ (root);
  const results = app.querySelector('main[data-view="search"] #search-results');
  if (!results || !input.closest('main')) {
    show(url, { history: 'push', focusSearch: true });
    return;
  }
  let view;
  try {
    view = loaded.render(path, 'main');
    if (view.needs) {
      view = await loaded.complete(view, () => loaded.render(path, 'main'), () => ticket === latestTyped);
      if (!view) return;
    }
  } catch (error) {
    console.warn('Quire: search failed', error);
    return;
  }
  if (ticket !== latestTyped || !results.isConnected) return;
  const template = document.createElement('template');
  template.innerHTML = view.html;
  const next = template.content.querySelector('#search-results');
  if (!next) return;
  results.replaceWith(next);
  addCopyButtons(app);
  shownPath = path;
  document.title = view.title;
  try {
    history.replaceState({ scroll: { x: window.scrollX, y: window.scrollY } }, '', url);
  } catch { /* too many history calls: the next one catches up */ }
  announceRendered(app, view);
}

/**
 * Focus in the view's search box, the caret after its words.
 * @param {HTMLElement} app
 */
function focusSearchBox(app) {
  const box = app.querySelector('main input[name="q"]');
  if (!(box instanceof HTMLInputElement)) return;
  box.focus({ preventScroll: true });
  box.setSelectionRange(box.value.length, box.value.length);
}

/** @param {PopStateEvent} event */
function onPopState(event) {
  const url = new URL(location.href);
  /** @type {HistoryState|null} */
  const state = event.state;
  if (url.pathname + url.search === shownPath) {
    // Only the fragment changed (or Back, then Forward, while a view still
    // waited for its chunk): no new view, and not that one either.
    cancelWaitingShow();
    if (state?.scroll) window.scrollTo(state.scroll.x, state.scroll.y);
    else if (url.hash) scrollToFragment(url.hash);
    return;
  }
  show(url, { history: 'none', scroll: state?.scroll });
}

/**
 * Drops a navigation still waiting for its chunk: the reader stayed on the
 * view shown. The first render of a page is never dropped (its view is the
 * one the URL names), and nothing else changes: a fragment link or a
 * scroll in history moved no view, so the warm-up still runs.
 */
function cancelWaitingShow() {
  if (waitingShow !== 0 && waitingShow === latestShow) latestShow += 1;
  waitingShow = 0;
}

/**
 * Renders the view for a URL into #quire-app, waiting for the bundle if
 * it is still loading.
 * @param {URL} url
 * @param {ShowOptions} options
 */
async function show(url, options) {
  const app = /** @type {HTMLElement} */ (root);
  if (!bundle) {
    showLoading();
    const ok = await startCore();
    if (!ok) {
      if (options.initial) showError(loadError);
      else loadDocument(url);
      return;
    }
  }
  const loaded = /** @type {Bundle} */ (bundle);
  const path = url.pathname + url.search;
  const ticket = ++latestShow;
  let view;
  try {
    view = loaded.render(path, 'app');
    // A post whose body is in a chunk not loaded yet (split bundle), the
    // shards of a list's posts, or a search's index files: what the core
    // names is fetched, then the view rendered again. Without needs, the
    // view goes into the page in this task.
    if (view.needs) {
      if (!options.initial) waitingShow = ticket;
      try {
        view = await loaded.complete(view, () => loaded.render(path, 'app'), () => ticket === latestShow);
      } finally {
        if (waitingShow === ticket) waitingShow = 0;
      }
      if (!view) return;  // the reader went elsewhere meanwhile
    }
  } catch (error) {
    // A chunk that is gone (a redeploy) or a network error: the page the
    // host has for the URL may still load. Not on the first render, whose
    // page is already that one.
    if (ticket !== latestShow) return;
    if (options.initial) showError(error, keepsPage());
    else loadDocument(url);
    return;
  }
  if (options.initial) {
    await new Promise((resolve) => { setTimeout(resolve); });
    if (ticket !== latestShow) return;
  }
  if (view.status === 404 && options.history === 'push') {
    // No view of the blog's, but maybe a page of the host's: with
    // base_path '/', a link to /about/ looks like a route. The host serves
    // it, or its 404.html.
    loadDocument(url);
    return;
  }
  if (view.moved) {
    // A post's old path (an alias): the address becomes where it lives now.
    url = new URL(view.path + url.hash, url);
    if (options.history === 'none') options = { ...options, history: 'replace' };
  }
  if (options.history === 'push') saveScroll();  // where the reader leaves the current entry
  shownPath = url.pathname + url.search;

  replaceView(app, view.html);
  addCopyButtons(app);  // before the scroll is restored: they take room
  app.dataset.route = view.path;
  app.dataset.status = String(view.status);
  document.title = view.title;
  document.querySelector('meta[name="description"]')?.setAttribute('content', view.description);
  setNoindex(Boolean(app.querySelector('main[data-noindex]')));

  let atTop = false;
  if (options.scroll) scrollToSaved(options.scroll);
  else if (!url.hash || !scrollToFragment(url.hash)) {
    window.scrollTo(0, 0);  // needs no layout, unlike reading scrollX
    atTop = true;
  }
  if (options.history !== 'none') {
    // The new entry starts with its scroll position, so that the next
    // navigation need not write it (saveScroll skips an unchanged one).
    /** @type {HistoryState} */
    const entry = { scroll: atTop ? { x: 0, y: 0 } : { x: window.scrollX, y: window.scrollY } };
    if (options.history === 'push') history.pushState(entry, '', url);
    else history.replaceState(entry, '', url);
  }

  if (options.focusSearch) focusSearchBox(app);
  else if (options.focus !== false) {
    const heading = app.querySelector('main h1') ?? app.querySelector('main');
    if (heading instanceof HTMLElement) {
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
    }
  }
  if (status && !options.initial) {
    // A polite region speaks only when its text changes: the same title
    // again (the link to the view shown) alternates a silent no-break space.
    status.textContent = status.textContent === view.title ? `${view.title}\u00a0` : view.title;
  }

  if (options.initial) performance.mark('quire:first-view');
  announceRendered(app, view);
}

/**
 * After a client render (a view, or search results as the reader types):
 * prefetch for the links now in view, count it, and tell listeners
 * (`quire:rendered`, see the header).
 * @param {HTMLElement} app
 * @param {{path: string, status: number, title: string}} view
 */
function announceRendered(app, view) {
  prefetchInView(app);
  testHooks.navigations += 1;
  document.dispatchEvent(new CustomEvent('quire:rendered', {
    detail: { path: view.path, status: view.status, title: view.title },
  }));
}

/**
 * Keeps <meta name="robots" content="noindex"> in the head exactly while
 * the view shown asks for it (the core marks <main data-noindex>).
 * @param {boolean} noindex
 */
function setNoindex(noindex) {
  let meta = document.querySelector('meta[name="robots"]');
  if (!noindex) {
    meta?.remove();
    return;
  }
  if (meta) return;
  meta = document.createElement('meta');
  meta.setAttribute('name', 'robots');
  meta.setAttribute('content', 'noindex');
  document.head.append(meta);
}

/**
 * Leaves a URL the app cannot show in place to the browser: a page load of
 * the host's page for it (or its 404.html).
 * @param {URL} url
 */
function loadDocument(url) {
  // The URL shown already (popstate, a link to the view shown): assigning
  // it, fragment and all, might only scroll.
  if (url.pathname + url.search === location.pathname + location.search) location.reload();
  else location.assign(url.href);
}

/**
 * Puts a rendered view into #quire-app. The chrome around <main> (skip
 * link, header, footer) is mostly the same from view to view: parts equal
 * to what is shown stay as they are, so that the browser styles and lays
 * out only what changed.
 * @param {HTMLElement} app
 * @param {string} html  the inside of #quire-app
 */
function replaceView(app, html) {
  const template = document.createElement('template');
  template.innerHTML = html;
  document.dispatchEvent(new CustomEvent('quire:render', { detail: { fragment: template.content } }));
  const next = [...template.content.children];
  const shown = [...app.children];
  const sameShape = next.length === shown.length && next.every((n, i) => n.tagName === shown[i].tagName);
  if (!sameShape) {
    app.replaceChildren(template.content);
    return;
  }
  next.forEach((n, i) => {
    if (n.tagName === 'MAIN') shown[i].replaceWith(n);
    else patchChrome(shown[i], n);
  });
}

/**
 * Makes a part of the chrome shown (`shown`) equal to the next view's
 * (`next`), replacing only what differs: from view to view the header
 * changes by the nav's current link (aria-current) and the footer by a
 * sentence, and a whole new header (its search box with its own inner
 * tree, the theme button's icons) would be styled and laid out again on
 * every route change. An element with the same tag and as many children
 * keeps its place: its attributes are set to the next one's and its
 * children patched in turn; anything else is replaced. A nav that differs
 * is replaced whole: its current link's mark (bold) moves, and its links
 * with it; new ones are no layout shift of the page's, as with the whole
 * header before. What the page keeps is what an equal part kept before
 * (a search box's words, focus).
 * @param {ChildNode} shown
 * @param {ChildNode} next
 */
function patchChrome(shown, next) {
  if (shown.isEqualNode(next)) return;
  if (!(shown instanceof Element) || !(next instanceof Element) || shown.tagName !== next.tagName
    || shown.tagName === 'NAV' || shown.childNodes.length !== next.childNodes.length) {
    shown.replaceWith(next);
    return;
  }
  for (const name of shown.getAttributeNames()) {
    if (!next.hasAttribute(name)) shown.removeAttribute(name);
  }
  for (const name of next.getAttributeNames()) {
    const value = /** @type {string} */ (next.getAttribute(name));
    if (shown.getAttribute(name) !== value) shown.setAttribute(name, value);
  }
  const children = [...next.childNodes];  // replaceWith moves them out of `next`
  [...shown.childNodes].forEach((child, i) => patchChrome(child, children[i]));
}

/**
 * Scrolls to the element a fragment names; false when there is none.
 * @param {string} hash  '#id'
 */
function scrollToFragment(hash) {
  let id = hash.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch { /* keep it as written */ }
  // As the browser finds a fragment's target: an id, else an <a name> (old
  // posts' anchors, kept by the raw-HTML allow-list).
  const target = id ? document.getElementById(id) ?? document.querySelector(`a[name="${CSS.escape(id)}"]`) : null;
  if (!target) return false;
  target.scrollIntoView();
  return true;
}

/** Remembers the scroll position in the current history entry. */
function saveScroll() {
  const scroll = { x: window.scrollX, y: window.scrollY };
  /** @type {HistoryState|null} */
  const saved = history.state;
  if (saved?.scroll?.x === scroll.x && saved.scroll.y === scroll.y) return;  // history calls are not free
  /** @type {HistoryState} */
  const state = { ...(saved ?? {}), scroll };
  try {
    history.replaceState(state, '');
  } catch { /* too many history calls: losing a scroll position is fine */ }
}

/** @returns {{x: number, y: number}|undefined} */
function savedScroll() {
  /** @type {HistoryState|null} */
  const state = history.state;
  const entry = /** @type {PerformanceNavigationTiming|undefined} */ (performance.getEntriesByType('navigation')[0]);
  if (!state?.scroll || !entry || (entry.type !== 'reload' && entry.type !== 'back_forward')) return undefined;
  return state.scroll;
}

/** On reload or back into a pre-rendered page: return to the saved place. */
function restoreInitialScroll() {
  const saved = savedScroll();
  if (saved) scrollToSaved(saved);
}

/**
 * Scrolls to a saved position with every part of the view laid out: list
 * items off screen are placeholders (content-visibility: auto in
 * style.css) whose sizes are estimates, so the offset would land elsewhere.
 * Two frames later, once the browser has remembered their real sizes, they
 * may be skipped again.
 * @param {{x: number, y: number}} scroll
 */
function scrollToSaved(scroll) {
  const app = /** @type {HTMLElement} */ (root);
  app.dataset.layout = 'full';
  window.scrollTo(scroll.x, scroll.y);
  requestAnimationFrame(() => requestAnimationFrame(() => { delete app.dataset.layout; }));
}

/** Does the page shown keep its content while and if a client render fails (search, 404)? */
function keepsPage() {
  return Boolean(root?.querySelector('main[data-view="search"], main[data-view="not-found"]'));
}

/** @returns {HTMLElement} the page's <main>, made if missing */
function mainElement() {
  const app = /** @type {HTMLElement} */ (root);
  let main = app.querySelector('main');
  if (!main) {
    main = document.createElement('main');
    main.id = 'main';
    main.tabIndex = -1;
    app.append(main);
  }
  return main;
}

/** The view is being rendered but the bundle is not there yet. */
function showLoading() {
  const main = mainElement();
  main.setAttribute('aria-busy', 'true');
  const note = document.createElement('p');
  note.className = 'quire-loading';
  note.textContent = 'Loading…';
  main.replaceChildren(note);
}

/**
 * The page needed a client render and cannot have one: say so, readably.
 * With `keep` (search, 404), what the page arrived with stays, and a note
 * below it says why nothing more comes.
 * @param {unknown} error
 * @param {boolean} [keep]
 */
function showError(error, keep = false) {
  const app = /** @type {HTMLElement} */ (root);
  const main = mainElement();
  main.removeAttribute('aria-busy');
  const message = error instanceof Error ? error.message : String(error);
  console.warn('Quire:', error);
  if (keep) {
    const note = document.createElement('p');
    note.className = 'quire-error note';
    note.setAttribute('role', 'status');
    note.textContent = `This blog could not be loaded: ${message}. `;
    const link = document.createElement('a');
    link.href = appBase;
    link.textContent = 'Go to the home page';
    note.append(link);
    main.append(note);
    return;
  }

  const box = document.createElement('div');
  box.className = 'quire-error';
  box.setAttribute('role', 'alert');
  const heading = document.createElement('h1');
  heading.className = 'page-title';
  heading.textContent = 'Something went wrong';
  const text = document.createElement('p');
  text.textContent = `This blog could not be loaded: ${message}`;
  const home = document.createElement('p');
  const link = document.createElement('a');
  link.href = appBase;
  link.textContent = 'Go to the home page';
  home.append(link);
  box.append(heading, text, home);
  main.replaceChildren(box);
  document.title = 'This blog could not be loaded';
}
