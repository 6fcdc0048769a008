// Light and dark themes, loaded by every page as a classic script in <head>.
//
// It blocks rendering on purpose (it is tiny): the reader's stored choice
// is applied before the first paint, so there is no flash of the other
// theme, and with no inline script, so a strict Content-Security-Policy
// works. Markup contract (src/core/page.cpp, web/style.css):
//   <html data-theme="light|dark">  the reader's choice; without it the
//                                   CSS follows prefers-color-scheme
//   <html data-theme-toggle>        scripts run: the CSS shows the button
//   <button class="theme-toggle" aria-label title>  in the page chrome; its
//                                   label names the choice (the icon is
//                                   CSS's, from data-theme)
// Three choices, in turn: follow the system, the other theme than the
// system's, the system's theme for good, and back to following.
// The button is wired here, by event delegation on document, so that it
// keeps working when the app re-renders the chrome, and so that the
// storage key and the logic live in this one file.
(() => {
  const key = 'quire-theme';
  const root = document.documentElement;
  const systemDark = window.matchMedia('(prefers-color-scheme: dark)');

  /** @returns {'light'|'dark'|null} */
  function stored() {
    try {
      const value = localStorage.getItem(key);
      return value === 'light' || value === 'dark' ? value : null;
    } catch {
      return null;  // storage disabled: follow the system
    }
  }

  /** @returns {'light'|'dark'|null} the reader's choice (null: the system's) */
  function chosen() {
    const theme = root.dataset.theme;
    return theme === 'light' || theme === 'dark' ? theme : null;
  }

  /** @returns {'light'|'dark'} the system's theme */
  function system() {
    return systemDark.matches ? 'dark' : 'light';
  }

  /** @param {'light'|'dark'|null} theme */
  function apply(theme) {
    if (theme) root.dataset.theme = theme;
    else delete root.dataset.theme;
    sync();
  }

  /** @param {ParentNode} [where]  the document, or a view the app is about to show */
  function sync(where = document) {
    const theme = chosen();
    const label = `Theme: ${theme ?? `follow the system (${system()} now)`}`;
    for (const button of where.querySelectorAll('.theme-toggle')) {
      button.setAttribute('aria-label', label);
      button.title = label;
    }
  }

  apply(stored());
  root.setAttribute('data-theme-toggle', '');

  document.addEventListener('click', (event) => {
    const target = /** @type {Element|null} */ (event.target);
    if (!target?.closest?.('.theme-toggle')) return;
    const theme = chosen();
    const other = system() === 'dark' ? 'light' : 'dark';
    /** @type {'light'|'dark'|null} */
    const next = theme === null ? other : theme === other ? system() : null;
    try {
      if (next) localStorage.setItem(key, next);
      else localStorage.removeItem(key);
    } catch { /* not persisted; still switch */ }
    apply(next);
  });
  document.addEventListener('DOMContentLoaded', () => sync());
  // The app's every next view, before it goes in (whole, or what differs
  // from the shown one): with the button's state set, an unchanged header
  // stays.
  document.addEventListener('quire:render', (event) => {
    const fragment = /** @type {CustomEvent<{fragment: DocumentFragment}>} */ (event).detail?.fragment;
    if (fragment) sync(fragment);
  });
  systemDark.addEventListener('change', () => sync());
  // Another tab chose.
  window.addEventListener('storage', (event) => {
    if (event.key === key) apply(stored());
  });
})();
