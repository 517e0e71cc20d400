import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { styleMap, type StyleInfo } from './style-map.js';

describe('styleMap (CSSOM only)', () => {
  let host: HTMLDivElement;
  let styleAttributeWrites: number;
  const setAttribute = Element.prototype.setAttribute;

  beforeEach(() => {
    host = document.createElement('div');
    document.body.append(host);
    styleAttributeWrites = 0;
    Element.prototype.setAttribute = function (this: Element, name: string, value: string) {
      if (name.toLowerCase() === 'style') styleAttributeWrites++;
      return setAttribute.call(this, name, value);
    };
  });
  afterEach(() => {
    Element.prototype.setAttribute = setAttribute;
    host.remove();
  });

  const draw = (styles: StyleInfo) => {
    render(html`<p style=${styleMap(styles)}>x</p>`, host);
    return host.querySelector('p')!;
  };

  it('applies camelCase, dashed and custom properties on the first render without writing the attribute', () => {
    const p = draw({ marginTop: '3px', 'padding-left': '4px', '--size': '7px', color: undefined });
    expect(styleAttributeWrites).to.equal(0);
    expect(p.style.marginTop).to.equal('3px');
    expect(p.style.paddingLeft).to.equal('4px');
    expect(p.style.getPropertyValue('--size')).to.equal('7px');
    expect(p.style.color).to.equal('');
    expect(getComputedStyle(p).marginTop).to.equal('3px');
  });

  it('updates, removes properties that became null or left the map, and keeps !important', () => {
    draw({ width: '10px', 'min-height': '5px', '--a': '1', left: '2px' });
    const p = draw({ width: '20px', 'min-height': null, color: 'red !important' });
    expect(styleAttributeWrites).to.equal(0);
    expect(p.style.width).to.equal('20px');
    expect(p.style.minHeight).to.equal('');
    expect(p.style.getPropertyValue('--a')).to.equal('');
    expect(p.style.left).to.equal('');
    expect(p.style.color).to.equal('red');
    expect(p.style.getPropertyPriority('color')).to.equal('important');
  });

  it('numbers are written as strings (as Lit does: unitless where CSS allows)', () => {
    const p = draw({ opacity: 0.5, 'z-index': 3 });
    expect(p.style.opacity).to.equal('0.5');
    expect(p.style.zIndex).to.equal('3');
  });

  it('leaves style properties set by others alone', () => {
    const p = draw({ width: '10px' });
    p.style.height = '4px';
    draw({ width: '12px' });
    expect(p.style.height).to.equal('4px');
    expect(p.style.width).to.equal('12px');
  });

  it('refuses other attributes', () => {
    expect(() => render(html`<p title=${styleMap({})}></p>`, host)).to.throw(/style/);
  });
});
