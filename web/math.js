// Typesets a view's math (core/math.hpp: <span class="math">TeX</span>, and
// "math display" for display math) as MathML, with Temml (the npm package
// temml; the build copies its temml.min.js, Temml-Local.css and Temml.woff2 next
// to this file, into sites that have math). Loaded by app.js and the widget
// only when a view has a math span, so pages without math fetch nothing.
//
// Temml builds the MathML through the DOM (no markup parsed, no eval, its
// styles set through CSSOM): a strict Content-Security-Policy holds. Its
// `trust` stays off (no \href, \url or \includegraphics from a post), and
// its macro expansion is bounded. A span Temml cannot read keeps its TeX,
// with the error as its title. The TeX stays in the MathML as an
// annotation, so copying the formula copies its source.

/** @type {Promise<any>|null} */
let loading = null;

/**
 * Temml, loaded once: its stylesheet and its script beside this module.
 * @returns {Promise<any>}
 */
function loadTemml() {
  loading ??= new Promise((resolve, reject) => {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('Temml-Local.css', import.meta.url).href;
    document.head.append(link);
    const script = document.createElement('script');
    script.src = new URL('temml.min.js', import.meta.url).href;
    script.onload = () => ((/** @type {any} */ (globalThis).temml ? resolve(/** @type {any} */ (globalThis).temml)
      : reject(new Error('temml.min.js defined no temml'))));
    script.onerror = () => reject(new Error('temml.min.js did not load'));
    document.head.append(script);
  });
  return loading;
}

/**
 * Typesets the math spans under `root` not typeset yet. Never rejects: a
 * view whose math cannot be typeset still reads as TeX.
 * @param {ParentNode} root
 * @param {Node} [stylesIn]  where Temml's stylesheet must apply (a shadow
 *   root: the widget), besides the document
 * @returns {Promise<number>}  how many spans were typeset
 */
export async function typeset(root, stylesIn) {
  if (!root.querySelector('span.math:not([data-typeset])')) return 0;
  let temml;
  try {
    temml = await loadTemml();
  } catch (error) {
    loading = null;  // a later view tries again
    console.warn('Quire: math stays TeX:', error);
    return 0;
  }
  return typesetWith(temml, root, stylesIn);
}

/**
 * Typesets at once when Temml has loaded (a view not yet in the page: it
 * then arrives with its final height, and a restored scroll position
 * stays right); false when it has not.
 * @param {ParentNode} root
 * @returns {boolean}
 */
export function typesetLoaded(root) {
  const temml = /** @type {any} */ (globalThis).temml;
  if (!temml || !loading) return false;
  typesetWith(temml, root);
  return true;
}

/**
 * @param {any} temml  @param {ParentNode} root  @param {Node} [stylesIn]
 * @returns {number}
 */
function typesetWith(temml, root, stylesIn) {
  const spans = [...root.querySelectorAll('span.math:not([data-typeset])')];
  if (stylesIn && !stylesIn.querySelector?.('link[data-temml]')) {
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = new URL('Temml-Local.css', import.meta.url).href;
    link.dataset.temml = '';
    stylesIn.appendChild(link);
  }
  let done = 0;
  for (const span of spans) {
    if (!(span instanceof HTMLElement) || span.dataset.typeset !== undefined) continue;
    const display = span.classList.contains('display');
    const into = document.createElement('span');
    try {
      temml.render(span.textContent ?? '', into, { displayMode: display, annotate: true, throwOnError: true,
        trust: false, maxSize: 20, maxExpand: 1000 });
    } catch (error) {
      span.dataset.typeset = 'error';
      span.title = String(/** @type {Error} */ (error)?.message ?? error).trim();
      continue;
    }
    span.replaceChildren(...into.childNodes);
    span.dataset.typeset = '';
    done++;
  }
  return done;
}
