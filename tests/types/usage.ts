// Compiled (not run) by tests/e2e/widget.test.mjs with `tsc --noEmit --strict`:
// the hand-written declarations in web/*.d.ts must describe what an
// embedder or API user writes.
import { QuireError, fetchBundle, getCore, loadBundle, renderMarkdown } from '../../web/quire.js';
import type { Bundle, RenderedView, RenderedWidget } from '../../web/quire.js';
import { QuireBlogElement } from '../../web/quire-widget.js';
import type { QuireErrorDetail } from '../../web/quire-widget.js';

export async function api(): Promise<string> {
  await getCore({ moduleUrl: new URL('https://blog.example/quire-core.js') });
  const bundle: Bundle = await loadBundle(await fetchBundle('https://blog.example/bundle.json'));
  const view: RenderedView = bundle.render('/posts/hello/', 'main');
  const widget: RenderedWidget = bundle.renderWidget({ view: 'tag', tag: 'guide', limit: 3, idPrefix: 'w1-' });
  const html = await renderMarkdown('*hi*', { idPrefix: 'x-' });
  bundle.release();
  try {
    bundle.render('/');
  } catch (error) {
    if (error instanceof QuireError) return error.code;
  }
  return view.html + widget.html + html + bundle.posts;
}

export function element(): void {
  const el = document.createElement('quire-blog');
  const typed: QuireBlogElement = el;
  typed.src = 'https://blog.example/bundle.json';
  typed.limit = '5';
  typed.linkBase = null;
  const prefix: string = typed.idPrefix;
  el.addEventListener('quire-error', (event) => {
    const detail: QuireErrorDetail = event.detail;
    console.log(detail.message, detail.code, prefix);
  });
  document.addEventListener('quire-rendered', (event) => console.log(event.detail.view, event.detail.title));
  document.querySelector('quire-blog')?.addEventListener('quire-ready', (event) => console.log(event.detail.posts));
  void QuireBlogElement;
}
