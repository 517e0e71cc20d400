import { LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { jsonConverter } from '../../internal/converters.js';
import { DashElement } from '../../internal/dash-element.js';
import { Lazy } from '../../internal/lazy.js';
import { LazyView } from '../../internal/lazy-view.js';
import { Persistent } from '../../internal/persistence.js';
import { DashTab } from './tab.js';
import { isRecord } from '../../internal/is-record.js';
import type { TabList } from './tabs-view.js';

/** Dash's `colors` of `dcc.Tabs`. */
export interface TabsColors {
  border?: string;
  primary?: string;
  background?: string;
}

/** The tablist, the panel, the keyboard and the styles: a chunk loaded before the first update (docs/tabs.md). */
const tabsView = new Lazy(() => import('./tabs-view.js'));

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
export class DashTabs extends LazyView(Persistent(DashElement, { props: ['value'] }), tabsView) {
  // Only the selected tab is assigned to the panel's slot: the others are simply not rendered.
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, slotAssignment: 'manual' };

  /** The selected tab's value (the first enabled tab's when not given). */
  @property({ reflect: true }) value: string | null = null;

  /** Tabs in a column beside the content. */
  @property({ type: Boolean, reflect: true }) vertical = false;

  /** `{border, primary, background}` colours, as Dash's (JSON in the attribute). */
  @property({ converter: jsonConverter }) colors: TabsColors | null = null;

  /** @internal The `<dash-tab>` children, in order. */
  @state() tabs: DashTab[] = [];
  private tabList: TabList | null = null;
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

  /** @internal */
  tabValue(tab: DashTab, index: number): string {
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

  /** @internal */
  colorsObject(): TabsColors | null {
    const { colors } = this;
    return isRecord(colors) ? colors : null;
  }

  /** @internal */
  selectedIndex(): number {
    return this.tabs.findIndex((tab, i) => this.tabValue(tab, i) === String(this.value));
  }

  protected override viewLoaded(view: typeof import('./tabs-view.js')): void {
    this.tabList = new view.TabList(this);
  }

  override render() {
    return this.tabList?.render() ?? nothing;
  }

  /** @internal The view writes a person's choice of tab. */
  override setByUser<K extends keyof this>(prop: K, value: this[K]): boolean {
    return super.setByUser(prop, value);
  }
}
