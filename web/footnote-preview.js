// Footnote previews: a click or tap on a footnote reference (Enter on the
// focused reference is a click too) shows the note's text in a small box
// just below the reference, instead of jumping to the end of the post; a
// phone reader keeps their place. The box takes focus and is labelled
// "Footnote N"; Escape, its close button, a click outside or the same
// reference again closes it, and focus returns to the reference. It holds
// a "Go to note" link for the jump. Without scripts, and with a modifier
// key (new tab, new window), the reference stays an ordinary link to the
// note. Used by the app (web/app.js, on #quire-app) and the widget (web/
// quire-widget.js, on its shadow root): the references and notes are the
// core's (src/core/markdown.cpp: sup.footnote-ref > a[role=doc-noteref],
// li#…fn-N with a.footnote-backref), inside a .post-body or a .summary,
// which the stylesheets make the box's containing block.

/** The one box open under a root, and the reference that opened it. */
const open = new WeakMap();
let boxes = 0;

/**
 * Starts previews for the footnote references under `root`.
 * @param {Document|ShadowRoot|HTMLElement} root
 * @returns {() => void} stops them (and closes an open box)
 */
export function previewFootnotes(root) {
  const onClick = (/** @type {Event} */ event) => click(root, /** @type {MouseEvent} */ (event));
  const onKey = (/** @type {Event} */ event) => {
    if (/** @type {KeyboardEvent} */ (event).key === 'Escape' && open.has(root)) {
      event.preventDefault();
      close(root, true);
    }
  };
  // Focus leaving the box for elsewhere (Tab past its end) closes it; to
  // its own reference, the click that follows does.
  const onFocusOut = (/** @type {Event} */ event) => {
    const shown = open.get(root);
    const next = /** @type {FocusEvent} */ (event).relatedTarget;
    if (!shown || !(next instanceof Node) || !shown.box.contains(/** @type {Node} */ (event.target))) return;
    if (!shown.box.contains(next) && next !== shown.ref) close(root, false);
  };
  root.addEventListener('click', onClick);
  root.addEventListener('keydown', onKey);
  root.addEventListener('focusout', onFocusOut);
  return () => {
    root.removeEventListener('click', onClick);
    root.removeEventListener('keydown', onKey);
    root.removeEventListener('focusout', onFocusOut);
    close(root, false);
  };
}

/**
 * @param {Document|ShadowRoot|HTMLElement} root
 * @param {MouseEvent} event
 */
function click(root, event) {
  if (event.defaultPrevented || event.button !== 0) return;
  const target = event.target instanceof Element ? event.target : null;
  const shown = open.get(root);
  if (shown && target?.closest('.footnote-preview-close')) {
    close(root, true);
    return;
  }
  if (shown && target && shown.box.contains(target)) {
    // "Go to note" (or a link in the note) works as a link; the box goes
    // once it has (an element gone from the page follows no link).
    if (target.closest('a[href]')) setTimeout(() => close(root, false));
    return;
  }
  const ref = target?.closest('a[role="doc-noteref"]');
  if (shown) {
    close(root, false);
    if (ref === shown.ref) {  // the same reference again: closed
      event.preventDefault();
      shown.ref.focus();
      return;
    }
  }
  if (!(ref instanceof HTMLAnchorElement)) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const note = noteOf(ref);
  const container = ref.closest('.post-body, .summary');
  if (!note || !(container instanceof HTMLElement)) return;  // the link jumps, as without scripts
  event.preventDefault();
  show(root, ref, note, container);
}

/**
 * The note a reference links to, in the same document or shadow root.
 * @param {HTMLAnchorElement} ref
 * @returns {Element|null}
 */
function noteOf(ref) {
  const href = ref.getAttribute('href') ?? '';
  if (!href.startsWith('#')) return null;
  let id = href.slice(1);
  try {
    id = decodeURIComponent(id);
  } catch { /* keep it as written */ }
  const scope = /** @type {Document|ShadowRoot} */ (ref.getRootNode());
  return typeof scope.getElementById === 'function' ? scope.getElementById(id) : null;
}

/**
 * @param {Document|ShadowRoot|HTMLElement} root
 * @param {HTMLAnchorElement} ref
 * @param {Element} note
 * @param {HTMLElement} container
 */
function show(root, ref, note, container) {
  const doc = ref.ownerDocument;
  const number = ref.textContent?.trim() ?? '';
  const box = doc.createElement('div');
  box.className = 'footnote-preview';
  box.id = `quire-footnote-preview-${++boxes}`;
  box.setAttribute('role', 'dialog');
  box.setAttribute('aria-label', `Footnote ${number}`);
  box.tabIndex = -1;
  const text = doc.createElement('div');
  text.className = 'footnote-preview-text';
  for (const child of note.childNodes) text.append(child.cloneNode(true));
  // Back-links lead to where the reader already is; ids must stay unique.
  for (const back of text.querySelectorAll('.footnote-backref')) back.remove();
  for (const withId of text.querySelectorAll('[id]')) withId.removeAttribute('id');
  const actions = doc.createElement('p');
  actions.className = 'footnote-preview-actions';
  const jump = doc.createElement('a');
  jump.href = ref.getAttribute('href') ?? '';
  jump.textContent = 'Go to note';
  const shut = doc.createElement('button');
  shut.type = 'button';
  shut.className = 'footnote-preview-close';
  shut.textContent = 'Close';
  actions.append(jump, shut);
  box.append(text, actions);
  // Just after the reference's <sup>: next to it in the reading order too.
  (ref.closest('sup') ?? ref).after(box);
  place(box, ref, container);
  ref.setAttribute('aria-expanded', 'true');
  ref.setAttribute('aria-controls', box.id);
  open.set(root, { box, ref });
  box.focus({ preventScroll: true });
  box.scrollIntoView?.({ block: 'nearest' });
}

/**
 * Puts the box below the reference (above it when the viewport has no
 * room below), inside the container's width.
 * @param {HTMLElement} box
 * @param {HTMLAnchorElement} ref
 * @param {HTMLElement} container
 */
function place(box, ref, container) {
  const area = container.getBoundingClientRect();
  const at = ref.getBoundingClientRect();
  const width = box.offsetWidth;
  const left = Math.max(0, Math.min(at.left - area.left - 16, area.width - width));
  const gap = 6;
  const view = ref.ownerDocument.defaultView;
  const below = at.bottom + gap + box.offsetHeight <= (view?.innerHeight ?? Infinity) || at.top < box.offsetHeight + gap;
  const top = below ? at.bottom - area.top + gap : at.top - area.top - gap - box.offsetHeight;
  box.style.left = `${Math.round(left - container.clientLeft)}px`;
  box.style.top = `${Math.round(top - container.clientTop)}px`;
}

/**
 * @param {Document|ShadowRoot|HTMLElement} root
 * @param {boolean} refocus  focus back on the reference
 */
function close(root, refocus) {
  const shown = open.get(root);
  if (!shown) return;
  open.delete(root);
  shown.box.remove();
  shown.ref.removeAttribute('aria-expanded');
  shown.ref.removeAttribute('aria-controls');
  if (refocus && shown.ref.isConnected) shown.ref.focus();
}
