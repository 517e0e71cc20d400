import { expect, fixture, html, nextFrame, aTimeout } from '@open-wc/testing';
import '../../dash-markdown.js';
import '../../dash-callback.js';
import { DashMarkdown } from './markdown.js';
import { captureWarnings, until as waitFor } from '../../../test/browser/helpers.js';

const body = (el: DashMarkdown) => el.shadowRoot!.querySelector<HTMLElement>('[part="body"]')!;

async function markdown(source: string, attrs: Partial<DashMarkdown> = {}): Promise<DashMarkdown> {
  const el = document.createElement('dash-markdown');
  Object.assign(el, attrs);
  el.textContent = source;
  const wrapper = await fixture<HTMLDivElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return el;
}

/** Known XSS payloads (OWASP cheat sheet, DOMPurify's and marked's reports); each sets window.__xss if it runs. */
const XSS = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss = 2">',
  '<svg onload="window.__xss = 3"><circle r="1"/></svg>',
  '<iframe src="javascript:window.__xss = 4"></iframe>',
  '<iframe srcdoc="<script>parent.__xss = 5</script>"></iframe>',
  '<details open ontoggle="window.__xss = 6">x</details>',
  '<a href="javascript:window.__xss = 7">click</a>',
  '<a href=" JaVaScRiPt:window.__xss = 8">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__xss = 9"></style></mglyph></table></mtext></math>',
  '<form action="javascript:window.__xss = 10"><button>go</button></form>',
  '<object data="javascript:window.__xss = 11"></object>',
  '<embed src="javascript:window.__xss = 12">',
  '<body onload="window.__xss = 13">',
  '<input autofocus onfocus="window.__xss = 14">',
  '<video><source onerror="window.__xss = 15"></video>',
  '<base href="javascript:window.__xss = 16//">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__xss = 17">',
  '[link](javascript:window.__xss=18)',
  '[link](JAVASCRIPT:window.__xss=19)',
  '[link](javas&#99;ript:window.__xss=20)',
  '[link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[link][ref]\n\n[ref]: javascript:window.__xss=21',
  '<javascript:window.__xss=22>',
  '![img](x" onerror="window.__xss=23)',
  '[a](x "title\\" onmouseover=\\"window.__xss=24")',
  '<div style="x" onmouseover="window.__xss=25">hover</div>',
  '<a href="&#106;avascript:window.__xss=26">x</a>',
  '<svg><a xlink:href="javascript:window.__xss=27"><text y="10">x</text></a></svg>',
  '<noscript><p title="</noscript><img src=x onerror=window.__xss=28>">',
];

const DANGEROUS_URL = /^\s*(javascript|vbscript|data):/i;

function unsafeNodes(root: ParentNode): string[] {
  const found: string[] = [];
  for (const el of root.querySelectorAll('*')) {
    const tag = el.localName;
    if (['script', 'iframe', 'object', 'embed', 'base', 'meta', 'form'].includes(tag)) found.push(`<${tag}>`);
    for (const attr of el.attributes) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      const isUrl = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'].includes(attr.name);
      if (isUrl && DANGEROUS_URL.test(attr.value) && !(tag === 'img' && /^data:image\//.test(attr.value))) {
        found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
    }
  }
  return found;
}

describe('dash-markdown', () => {
  it('renders GitHub-flavoured markdown: headings, emphasis, tables, task lists, strikethrough', async () => {
    const el = await markdown('# Title\n\nSome *emphasis* and ~~gone~~.\n\n| a | b |\n|---|--:|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n');
    const root = body(el);
    expect(root.querySelector('h1')!.textContent).to.equal('Title');
    expect(root.querySelector('em')!.textContent).to.equal('emphasis');
    expect(root.querySelector('del')!.textContent).to.equal('gone');
    expect([...root.querySelectorAll('td')].map((td) => td.textContent)).to.deep.equal(['1', '2']);
    const boxes = [...root.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes.map((b) => b.checked)).to.deep.equal([true, false]);
    expect(boxes.map((b) => b.getAttribute('aria-label'))).to.deep.equal(['done', 'todo']);
  });

  it('dedents markdown written indented in HTML, and keeps it with dedent="false"', async () => {
    const source = '\n    # Heading\n\n    text\n';
    const el = await markdown(source);
    expect(body(el).querySelector('h1')!.textContent).to.equal('Heading');
    el.dedent = false;
    await el.updateComplete;
    expect(body(el).querySelector('h1')).to.equal(null);
    expect(body(el).querySelector('pre code')!.textContent).to.contain('# Heading');
    el.dedent = true;
    await el.updateComplete;
    expect(body(el).querySelector('h1')!.textContent).to.equal('Heading');
  });

  it('reads its markdown from its text content, as written in the page', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><dash-markdown>
      ## From the page
      * one
      * two
    </dash-markdown></div>`);
    const el = wrapper.querySelector('dash-markdown')!;
    await el.updateComplete;
    expect(body(el).querySelector('h2')!.textContent).to.equal('From the page');
    expect(body(el).querySelectorAll('li')).to.have.length(2);
  });

  it('re-renders when a callback writes children', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div>
      <input id="who" value="world" />
      <dash-callback id="cb" inputs="who.value" outputs="md.children"></dash-callback>
      <dash-markdown id="md"></dash-markdown>
    </div>`);
    const cb = wrapper.querySelector('dash-callback')!;
    cb.fn = (who: unknown) => `**Hello ${String(who)}** <b>not bold</b>`;
    const el = wrapper.querySelector('dash-markdown')!;
    await waitFor(() => body(el).querySelector('strong')?.textContent === 'Hello world');
    await el.updateComplete;
    expect(body(el).querySelector('b')).to.equal(null);
    expect(body(el).textContent).to.contain('<b>not bold</b>');
    const input = wrapper.querySelector('input')!;
    input.value = 'again';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await waitFor(() => body(el).querySelector('strong')?.textContent === 'Hello again');
  });

  it('shows HTML inside the markdown as text unless dangerouslyAllowHtml, then renders it sanitized', async () => {
    const el = await markdown('Hi <span class="x">there</span> <img src=x onerror="window.__xss = 99">');
    expect(body(el).querySelector('span')).to.equal(null);
    expect(body(el).textContent).to.contain('<span class="x">there</span>');
    el.dangerouslyAllowHtml = true;
    await el.updateComplete;
    expect(body(el).querySelector('span.x')!.textContent).to.equal('there');
    expect(body(el).querySelector('img')!.hasAttribute('onerror')).to.equal(false);
    el.dangerouslyAllowHtml = false;
    await el.updateComplete;
    expect(body(el).querySelector('span')).to.equal(null);
    el.dangerouslyAllowHtml = true;
    await el.updateComplete;
    expect(body(el).querySelector('span.x')).to.not.equal(null);
  });

  for (const allowHtml of [false, true]) {
    it(`neutralises ${XSS.length} known XSS payloads ${allowHtml ? 'with' : 'without'} dangerouslyAllowHtml`, async () => {
      const w = window as unknown as { __xss?: unknown };
      delete w.__xss;
      const els: DashMarkdown[] = [];
      for (const payload of XSS) els.push(await markdown(payload, { dangerouslyAllowHtml: allowHtml }));
      // Give images a chance to fail and handlers a chance to run, then hover and click every node.
      await aTimeout(100);
      for (const el of els) {
        for (const node of body(el).querySelectorAll<HTMLElement>('*')) {
          node.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
          node.dispatchEvent(new Event('toggle'));
          node.focus?.();
        }
      }
      await nextFrame();
      expect(w.__xss, 'a payload ran').to.equal(undefined);
      const problems = els.flatMap((el, i) => unsafeNodes(body(el)).map((p) => `${XSS[i]} → ${p}`));
      expect(problems).to.deep.equal([]);
    });
  }

  it('keeps safe links and images, and opens links where linkTarget says', async () => {
    const el = await markdown('[docs](https://dash.plotly.com/) ![dot](data:image/png;base64,iVBORw0KGgo=)', { linkTarget: '_blank' });
    const link = body(el).querySelector('a')!;
    expect(link.getAttribute('href')).to.equal('https://dash.plotly.com/');
    expect(link.getAttribute('target')).to.equal('_blank');
    expect(link.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(body(el).querySelector('img')!.getAttribute('src')).to.match(/^data:image\/png/);
    el.linkTarget = null;
    await el.updateComplete;
    expect(body(el).querySelector('a')!.hasAttribute('target')).to.equal(false);
  });

  it('highlights code blocks, and takes the code colours from highlightConfig', async () => {
    const el = await markdown('```python\ndef f(x):\n    return "hi"  # note\n```', { highlightConfig: { theme: 'dark' } });
    const code = body(el).querySelector('pre code')!;
    expect(code.querySelector('.hljs-keyword')!.textContent).to.equal('def');
    expect(code.querySelector('.hljs-string')!.textContent).to.equal('"hi"');
    expect(code.textContent).to.equal('def f(x):\n    return "hi"  # note\n');
    expect(getComputedStyle(el.shadowRoot!.querySelector('pre')!).colorScheme).to.equal('dark');
    el.highlightConfig = { theme: 'light' };
    await el.updateComplete;
    expect(getComputedStyle(el.shadowRoot!.querySelector('pre')!).colorScheme).to.equal('light');
  });

  it('warns once about a highlight-config that is not {theme}, and still renders', async () => {
    const capture = captureWarnings();
    try {
      const wrapper = await fixture<HTMLDivElement>(html`<div><dash-markdown id="m" highlight-config='{"theme":"neon"}'>*ok*</dash-markdown></div>`);
      const el = wrapper.querySelector('dash-markdown')!;
      await el.updateComplete;
      el.textContent = '*still ok*';
      await el.updateComplete;
      expect(body(el).querySelector('em')!.textContent).to.equal('still ok');
      expect(capture.messages.filter((w) => w.includes('highlight-config'))).to.have.length(1);
      expect(capture.messages[0]).to.contain('<dash-markdown id="m">');
    } finally {
      capture.restore();
    }
  });

  it('hands TeX to MathJax when mathjax is on, and shows it as text when off', async () => {
    const seen: Array<[string, boolean]> = [];
    const w = window as unknown as { MathJax?: unknown };
    // The page's own MathJax (window.MathJax) is used when present, as window.Plotly is for graphs.
    w.MathJax = {
      tex2svgPromise: async (tex: string, { display }: { display: boolean }) => {
        seen.push([tex, display]);
        const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
        svg.setAttribute('data-tex', tex);
        return svg;
      },
    };
    try {
      const el = await markdown('Euler: $e^{i\\pi} + 1 = 0$ costs $5, and\n\n$$\\int_0^1 x\\,dx$$', { mathjax: true });
      expect(seen).to.deep.equal([['e^{i\\pi} + 1 = 0', false], ['\\int_0^1 x\\,dx', true]]);
      expect(body(el).querySelectorAll('svg[data-tex]')).to.have.length(2);
      expect(body(el).textContent).to.contain('costs $5');
      el.mathjax = false;
      await el.updateComplete;
      expect(body(el).querySelector('svg')).to.equal(null);
      expect(body(el).textContent).to.contain('$e^{i\\pi} + 1 = 0$');
    } finally {
      delete w.MathJax;
    }
  });

  it('passes axe in light and dark', async () => {
    const el = await markdown('# Report\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] done\n- [ ] todo\n\n[link](https://example.com) `code`\n\n```js\nconst x = 1;\n```');
    await expect(el).to.be.accessible();
    // The page's canvas turns dark with the root's scheme, as with prefers-color-scheme: dark.
    document.documentElement.style.colorScheme = 'dark';
    try {
      await expect(el).to.be.accessible();
    } finally {
      document.documentElement.style.colorScheme = '';
    }
  });
});

