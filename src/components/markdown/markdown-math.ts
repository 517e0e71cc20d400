/**
 * TeX in `<dash-markdown mathjax>`: MathJax turns each `.dash-math` element's text into SVG
 * (docs/markdown.md says what it costs). MathJax is not bundled: `window.MathJax` when the page has
 * it loaded, else the URL in `DashMarkdown.mathjaxUrl` / `<meta name="dash-mathjax-url">`, else
 * MathJax 4 from jsDelivr. Loaded once per page; a failed load is tried again next time.
 */
import { Lazy } from '../../internal/lazy.js';

/** The part of MathJax's API used here. */
export interface MathJaxApi {
  tex2svgPromise(tex: string, options: { display: boolean }): Promise<Element>;
  startup?: { promise?: Promise<unknown> };
}

declare global {
  interface Window {
    MathJax?: MathJaxApi | Record<string, unknown>;
  }
}

export const DEFAULT_MATHJAX_URL = 'https://cdn.jsdelivr.net/npm/mathjax@4/tex-svg.js';

const isReady = (mathjax: unknown): mathjax is MathJaxApi =>
  typeof (mathjax as MathJaxApi | undefined)?.tex2svgPromise === 'function';

function load(url: string): Promise<MathJaxApi> {
  // MathJax reads its configuration from window.MathJax before it starts: no page-wide typesetting.
  window.MathJax ??= { startup: { typeset: false } };
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = url;
    script.async = true;
    script.onload = async () => {
      const mathjax = window.MathJax;
      if (!isReady(mathjax)) return reject(new Error(`${url} loaded but did not define MathJax.tex2svgPromise`));
      await mathjax.startup?.promise;
      resolve(mathjax);
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`could not load MathJax from ${url}`));
    };
    document.head.append(script);
  });
}

function loadMathJax(configured: string | null): Promise<MathJaxApi> {
  if (isReady(window.MathJax)) return Promise.resolve(window.MathJax);
  const meta = document.querySelector<HTMLMetaElement>('meta[name="dash-mathjax-url"]');
  return mathJax.load(configured || meta?.content || DEFAULT_MATHJAX_URL);
}

/** MathJax, loaded once per page from the first URL asked for (again after a failure). */
const mathJax = new Lazy((url: string) => load(url));

/** Replaces every `.dash-math` element under `root` by MathJax's SVG of its TeX. */
export async function typesetMath(root: ParentNode, url: string | null): Promise<void> {
  const targets = [...root.querySelectorAll<HTMLElement>('.dash-math:not([data-typeset])')];
  if (targets.length === 0) return;
  const mathjax = await loadMathJax(url);
  await Promise.all(
    targets.map(async (target) => {
      const svg = await mathjax.tex2svgPromise(target.textContent ?? '', { display: target.dataset.display === 'block' });
      target.dataset.typeset = '';
      target.setAttribute('aria-label', target.textContent ?? '');
      target.replaceChildren(svg);
    }),
  );
}
