import { test } from 'node:test';
import assert from 'node:assert/strict';
import { COMPONENTS, idText, isLayoutValue, toLayoutNodes, type ElementNode } from '../../src/layout/component-json.js';

const html = (type: string, props: Record<string, unknown> = {}) => ({ type, namespace: 'dash_html_components', props });
const dcc = (type: string, props: Record<string, unknown> = {}) => ({ type, namespace: 'dash_core_components', props });
const only = (value: unknown, warn?: (name: string) => void) => toLayoutNodes(value, warn)[0] as ElementNode;

test('layout values are components or lists holding one; text and data are not', () => {
  assert.equal(isLayoutValue(html('Div')), true);
  assert.equal(isLayoutValue(['a', 1, [html('P')]]), true);
  assert.equal(isLayoutValue('text'), false);
  assert.equal(isLayoutValue(['a', 2]), false);
  assert.equal(isLayoutValue({ type: 'Div' }), false);
  assert.equal(isLayoutValue(null), false);
});

test('html components become native elements with Dash prop mapping', () => {
  const node = only(
    html('Div', {
      id: 'box',
      className: 'card wide',
      style: { marginTop: 4 },
      title: 'Tip',
      hidden: true,
      n_clicks: 2,
      n_clicks_timestamp: 5,
      'data-row': 3,
      'aria-label': 'Box',
      children: ['Hello ', 42, html('B', { children: 'bold' }), null],
    }),
  );
  assert.equal(node.tag, 'div');
  assert.equal(node.key, 'box');
  assert.deepEqual(node.attributes, { id: 'box', class: 'card wide', 'data-row': '3', 'aria-label': 'Box' });
  assert.deepEqual(node.properties, { style: { marginTop: 4 }, title: 'Tip', hidden: true, nClicks: 2, nClicksTimestamp: 5 });
  assert.deepEqual(node.children.slice(0, 2), [
    { kind: 'text', text: 'Hello ' },
    { kind: 'text', text: '42' },
  ]);
  assert.equal((node.children[2] as ElementNode).tag, 'b');
  assert.equal(node.children.length, 3);
  assert.equal(only(html('Label', { htmlFor: 'x' })).attributes.for, 'x');
  assert.equal(only(html('ObjectEl')).tag, 'object');
  assert.equal(only(html('MapEl')).tag, 'map');
});

test('disable_n_clicks leaves click counting out', () => {
  const node = only(html('Button', { n_clicks: 0, disable_n_clicks: true }));
  assert.deepEqual(node.properties, {});
});

test('dcc components become our elements, snake_case props camelCase, children rendered inside', () => {
  const node = only(dcc('Dropdown', { id: 'city', options: ['A', 'B'], value: 'A', clearable: false, search_value: '' }));
  assert.equal(node.tag, 'dash-dropdown');
  assert.deepEqual(node.properties, { options: ['A', 'B'], value: 'A', clearable: false, searchValue: '' });
  const tabs = only(dcc('Tabs', { id: 't', value: 'a', children: [dcc('Tab', { label: 'A', value: 'a', children: html('P', { children: 'x' }) })] }));
  assert.equal(tabs.tag, 'dash-tabs');
  const tab = tabs.children[0] as ElementNode;
  assert.equal(tab.tag, 'dash-tab');
  assert.equal((tab.children[0] as ElementNode).tag, 'p');
  // Markdown's children are its text, a property, not content.
  const md = only(dcc('Markdown', { children: '# Title' }));
  assert.deepEqual([md.tag, md.properties.children, md.children.length], ['dash-markdown', '# Title', 0]);
  const table = only({ type: 'DataTable', namespace: 'dash_table', props: { id: 'tbl', page_size: 10, data: [] } });
  assert.deepEqual([table.tag, table.properties.pageSize], ['dash-table', 10]);
});

test('every mapped element is one this project defines', async () => {
  const { readdir } = await import('node:fs/promises');
  const defined = new Set((await readdir(new URL('../../src/', import.meta.url))).filter((f) => /^dash-.*\.ts$/.test(f)).map((f) => f.slice(0, -3)));
  for (const table of Object.values(COMPONENTS)) for (const { tag } of Object.values(table)) assert.ok(defined.has(tag), tag);
});

test('pattern-matching ids become JSON with sorted keys; key wins over id for identity', () => {
  assert.equal(idText({ type: 'item', index: 3 }), '{"index":3,"type":"item"}');
  const node = only(html('Li', { id: { type: 'item', index: 3 }, key: 'k3' }));
  assert.equal(node.attributes.id, '{"index":3,"type":"item"}');
  assert.equal(node.key, 'k3');
});

test('unknown types and namespaces become labelled placeholders and are named to warn', () => {
  const warned: string[] = [];
  const nodes = toLayoutNodes([dcc('Nope'), { type: 'Card', namespace: 'dash_bootstrap_components', props: { id: 'c' } }, 'after'], (n) => warned.push(n));
  assert.deepEqual(warned, ['dash_core_components.Nope', 'dash_bootstrap_components.Card']);
  const card = nodes[1] as ElementNode;
  assert.equal(card.attributes['data-dash-unsupported'], 'dash_bootstrap_components.Card');
  assert.equal(card.attributes.id, 'c');
  assert.deepEqual(card.children, [{ kind: 'text', text: 'Unsupported component: dash_bootstrap_components.Card' }]);
  assert.deepEqual(nodes[2], { kind: 'text', text: 'after' });
});

test('known payloads: no script elements, nothing parsed as markup', () => {
  const warned: string[] = [];
  const script = only(html('Script', { children: 'alert(1)' }), (n) => warned.push(n));
  assert.equal(script.tag, 'div');
  assert.deepEqual(warned, ['dash_html_components.Script']);
  for (const type of ['Base', 'Meta', 'Link', 'Template', '<img src=x onerror=alert(1)>', 'Img onerror']) {
    assert.equal(only(html(type)).attributes['data-dash-unsupported'], `dash_html_components.${type}`);
  }
  // Markup in text stays text.
  assert.deepEqual(toLayoutNodes('<img src=x onerror=alert(1)>'), [{ kind: 'text', text: '<img src=x onerror=alert(1)>' }]);
});
