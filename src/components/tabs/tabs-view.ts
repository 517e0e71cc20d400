/**
 * What `<dash-tabs>` shows and how a person drives it, loaded before its first update
 * (docs/tabs.md, "What loads when"): the tablist, the panel showing the selected tab, the keyboard
 * and the styles. The element class keeps the Dash API: properties, the tabs and the default value.
 */
import { html, nothing, type ReactiveController } from 'lit';
import { styleMap } from '../../internal/style-map.js';
import type { DashTabs } from './tabs.js';

export { tabsStyles as styles } from './tabs.styles.js';

const NEXT_KEYS = { horizontal: ['ArrowRight', 'ArrowLeft'], vertical: ['ArrowDown', 'ArrowUp'] } as const;

/** The tablist and panel of one `<dash-tabs>`; a person's choice is written through the element. */
export class TabList implements ReactiveController {
  constructor(private readonly host: DashTabs) {
    host.addController(this);
  }

  render() {
    const host = this.host;
    const { tabs } = host;
    const selected = host.selectedIndex();
    const colors = host.colorsObject() ?? {};
    const focusable = selected >= 0 ? selected : tabs.findIndex((tab) => !tab.disabled);
    return html`<div class="tabs" style=${styleMap({ '--_border': colors.border, '--_primary': colors.primary, '--_background': colors.background })}>
      <div
        role="tablist"
        part="tablist"
        aria-orientation=${host.vertical ? 'vertical' : 'horizontal'}
        aria-label=${host.getAttribute('aria-label') ?? nothing}
        @keydown=${this.onKeyDown}
      >
        ${tabs.map((tab, i) => {
          const isSelected = i === selected;
          const parts = ['tab', isSelected ? 'tab-selected' : '', tab.disabled ? 'tab-disabled' : ''].filter(Boolean).join(' ');
          return html`<button
            type="button"
            role="tab"
            id="tab-${i}"
            part=${parts}
            aria-selected=${isSelected ? 'true' : 'false'}
            aria-controls=${isSelected ? 'panel' : nothing}
            aria-disabled=${tab.disabled ? 'true' : nothing}
            tabindex=${i === focusable ? '0' : '-1'}
            @click=${() => this.choose(i)}
          >${tab.label || host.tabValue(tab, i)}</button>`;
        })}
      </div>
      <div role="tabpanel" id="panel" part="panel" aria-labelledby=${selected >= 0 ? `tab-${selected}` : nothing} tabindex="0">
        <slot></slot>
      </div>
    </div>`;
  }

  /** Only the selected tab is assigned to the panel's slot: the others are simply not rendered. */
  hostUpdated(): void {
    const host = this.host;
    const selected = host.tabs[host.selectedIndex()];
    host.renderRoot.querySelector('slot')?.assign(...(selected ? [selected] : []));
  }

  /** A person chose tab `index` (click or key). */
  private choose(index: number, focus = false): void {
    const host = this.host;
    const tab = host.tabs[index];
    if (!tab || tab.disabled) return;
    host.setByUser('value', host.tabValue(tab, index));
    if (focus) void host.updateComplete.then(() => host.renderRoot.querySelector<HTMLElement>(`#tab-${index}`)?.focus());
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const enabled = this.host.tabs.map((tab, i) => (tab.disabled ? -1 : i)).filter((i) => i >= 0);
    if (enabled.length === 0) return;
    const from = Number((event.target as HTMLElement).id.replace('tab-', ''));
    const [next, previous] = NEXT_KEYS[this.host.vertical ? 'vertical' : 'horizontal'];
    const position = enabled.indexOf(from);
    let to: number;
    if (event.key === next) to = enabled[(position + 1) % enabled.length];
    else if (event.key === previous) to = enabled[(position - 1 + enabled.length) % enabled.length];
    else if (event.key === 'Home') to = enabled[0];
    else if (event.key === 'End') to = enabled[enabled.length - 1];
    else return;
    event.preventDefault();
    this.choose(to, true);
  };
}
