import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { jsonConverter } from '../../internal/converters.js';
import { DashElement } from '../../internal/dash-element.js';
import { Persistent } from '../../internal/persistence.js';
import { styleMap } from '../../internal/style-map.js';
import { DashTab } from './tab.js';
import { tabsStyles } from './tabs.styles.js';
import { isRecord } from '../../internal/is-record.js';

/** Dash's `colors` of `dcc.Tabs`. */
export interface TabsColors {
  border?: string;
  primary?: string;
  background?: string;
}

const NEXT_KEYS = { horizontal: ['ArrowRight', 'ArrowLeft'], vertical: ['ArrowDown', 'ArrowUp'] } as const;

/**
 * Dash's `dcc.Tabs`: a row (or, `vertical`, a column) of tabs over the content of the selected
 * `<dash-tab>` child, as the WAI-ARIA APG tabs pattern with automatic activation: arrow keys
 * (Left/Right, or Up/Down when vertical) and Home/End move and select, skipping disabled tabs.
 * Only the selected tab's content is rendered: the others are out of the layout and the
 * accessibility tree. `value` is the selected tab's value, in and out through callbacks; it
 * persists with `persistence` (docs/persistence.md).
 *
 * @summary Tabs over content, keyboard-operable, value in and out through callbacks.
 *
 * @fires dash-prop-change - `value` changed (`user: true` when a person chose a tab), or another property was set.
 *
 * @slot - `<dash-tab>` elements.
 *
 * @csspart tablist - The row (or column) of tabs.
 * @csspart tab - One tab (also `tab-selected`, `tab-disabled`).
 * @csspart panel - The box showing the selected tab's content.
 *
 * @cssprop --dash-tabs-border-color - Tab borders (`colors.border`; default #d6d6d6 / dark #3d4452).
 * @cssprop --dash-tabs-primary-color - The selected tab's accent line (`colors.primary`; default #1975fa).
 * @cssprop --dash-tabs-background - Unselected tabs' background (`colors.background`; default #f9f9f9 / dark #1c2230).
 * @cssprop --dash-tabs-selected-background - The selected tab's background (default white / dark #0d1117).
 *
 * @tagname dash-tabs
 */
export class DashTabs extends Persistent(DashElement, { props: ['value'] }) {
  static override styles = tabsStyles;
  // Only the selected tab is assigned to the panel's slot: the others are simply not rendered.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, slotAssignment: 'manual' };

  /** The selected tab's value (the first enabled tab's when not given). */
  @property({ reflect: true }) value: string | null = null;

  /** Tabs in a column beside the content. */
  @property({ type: Boolean, reflect: true }) vertical = false;

  /** `{border, primary, background}` colours, as Dash's (JSON in the attribute). */
  @property({ converter: jsonConverter }) colors: TabsColors | null = null;

  @state() private tabs: DashTab[] = [];
  @query('slot') private readonly panelSlot!: HTMLSlotElement | null;
  private readonly childObserver = new MutationObserver(() => this.collectTabs());

  override connectedCallback(): void {
    // The default tab is chosen before persistence looks at `value` (in super), so a person's
    // choice is kept against it and restored on reload, as against a value the page gave.
    this.collectTabs();
    this.selectDefault();
    super.connectedCallback();
    this.childObserver.observe(this, { childList: true });
    this.addEventListener('dash-prop-change', this.onTabChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.childObserver.disconnect();
    this.removeEventListener('dash-prop-change', this.onTabChange);
  }

  private collectTabs(): void {
    this.tabs = [...this.children].filter((child): child is DashTab => child instanceof DashTab);
    // Children not upgraded yet (parsed with this element, or defined by a later script) join once they are.
    for (const child of this.children) {
      const definition = customElements.get(child.localName);
      const upgraded = definition !== undefined && child instanceof definition;
      if (child.localName.includes('-') && !upgraded) {
        void customElements.whenDefined(child.localName).then(() => this.collectTabs());
      }
    }
  }

  /** A tab's label, value or disabled changed: redraw the tablist. */
  private readonly onTabChange = (event: Event): void => {
    const target = event.composedPath()[0];
    if (target instanceof DashTab && target.parentElement === this) this.requestUpdate();
  };

  private tabValue(tab: DashTab, index: number): string {
    return tab.value ?? `tab-${index + 1}`;
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.selectDefault();
    if (changed.has('colors') && this.colors !== null && !this.colorsObject()) {
      this.warnOnce('colors', 'colors must be an object {border, primary, background}; using the defaults');
    }
    super.willUpdate(changed);
  }

  /** Dash selects the first (enabled) tab when no value is given. */
  private selectDefault(): void {
    if (this.value !== null) return;
    const first = this.tabs.findIndex((tab) => !tab.disabled);
    if (first >= 0) this.value = this.tabValue(this.tabs[first], first);
  }

  private colorsObject(): TabsColors | null {
    const { colors } = this;
    return isRecord(colors) ? colors : null;
  }

  private selectedIndex(): number {
    return this.tabs.findIndex((tab, i) => this.tabValue(tab, i) === String(this.value));
  }

  override render() {
    const selected = this.selectedIndex();
    const colors = this.colorsObject() ?? {};
    const focusable = selected >= 0 ? selected : this.tabs.findIndex((tab) => !tab.disabled);
    return html`<div class="tabs" style=${styleMap({ '--_border': colors.border, '--_primary': colors.primary, '--_background': colors.background })}>
      <div
        role="tablist"
        part="tablist"
        aria-orientation=${this.vertical ? 'vertical' : 'horizontal'}
        aria-label=${this.getAttribute('aria-label') ?? nothing}
        @keydown=${this.onKeyDown}
      >
        ${this.tabs.map((tab, i) => {
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
          >${tab.label || this.tabValue(tab, i)}</button>`;
        })}
      </div>
      <div role="tabpanel" id="panel" part="panel" aria-labelledby=${selected >= 0 ? `tab-${selected}` : nothing} tabindex="0">
        <slot></slot>
      </div>
    </div>`;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const selected = this.tabs[this.selectedIndex()];
    this.panelSlot?.assign(...(selected ? [selected] : []));
  }

  /** A person chose tab `index` (click or key). */
  private choose(index: number, focus = false): void {
    const tab = this.tabs[index];
    if (!tab || tab.disabled) return;
    this.setByUser('value', this.tabValue(tab, index));
    if (focus) void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#tab-${index}`)?.focus());
  }

  private readonly onKeyDown = (event: KeyboardEvent): void => {
    const enabled = this.tabs.map((tab, i) => (tab.disabled ? -1 : i)).filter((i) => i >= 0);
    if (enabled.length === 0) return;
    const from = Number((event.target as HTMLElement).id.replace('tab-', ''));
    const [next, previous] = NEXT_KEYS[this.vertical ? 'vertical' : 'horizontal'];
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
