import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { DashFormElement } from '../../internal/form-element.js';
import { buttonStyles } from './button.styles.js';

const TYPES = new Set(['submit', 'reset', 'button']);

/**
 * Dash's `html.Button`: a native `<button>` around the slotted content that counts its clicks
 * (`nClicks`, `nClicksTimestamp`) — pointer clicks, Enter and Space, and `click()` — once each,
 * also when a callback listens to `n_clicks`. Inside a `<form>` it submits (default `type`,
 * sending `name`=`value` as a native submit button does) or resets it, as a native button does.
 *
 * @summary A button that counts its clicks, as Dash's `html.Button`.
 *
 * @fires dash-prop-change - Any public property changed (`{prop, value, user}`): `nClicks` on each
 *   click, `nBlur` when it loses focus.
 *
 * @slot - The button's content (text, icons).
 *
 * @csspart button - The native `<button>`.
 *
 * @cssprop --dash-button-background - Background (falls back to `--dash-background`).
 * @cssprop --dash-button-color - Text colour (falls back to `--dash-color`).
 * @cssprop --dash-button-border-color - Border colour (falls back to `--dash-border-color`).
 * @cssprop --dash-button-accent - Focus ring colour (falls back to `--dash-accent`).
 * @cssprop --dash-button-radius - Corner radius (falls back to `--dash-radius`).
 * @cssprop --dash-font - Font shorthand (default: inherited).
 *
 * @tagname dash-button
 */
export class DashButton extends DashFormElement {
  static override styles = buttonStyles;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** Times the button was clicked. Reflects. */
  @property({ attribute: 'n-clicks', type: Number, reflect: true }) nClicks = 0;

  /** When the button was last clicked (ms since the epoch), `-1` before. */
  @property({ attribute: 'n-clicks-timestamp', type: Number }) nClicksTimestamp = -1;

  /** Times the button lost focus. Reflects. */
  @property({ attribute: 'n-blur', type: Number, reflect: true }) nBlur = 0;

  /** When the button last lost focus (ms since the epoch), `-1` before. */
  @property({ attribute: 'n-blur-timestamp', type: Number }) nBlurTimestamp = -1;

  /** `submit` (default, as a native button), `reset` or `button`: what it does inside a `<form>`. */
  @property({ reflect: true }) type = 'submit';

  /** Sent as `name=value` with the form when this button submits it. */
  @property({ reflect: true }) value = '';

  constructor() {
    super();
    this.addEventListener('click', this.onClick);
  }

  override checkProp(prop: string, value: unknown): void {
    if ((prop === 'nClicks' || prop === 'nBlur') && (typeof value !== 'number' || !Number.isFinite(value))) {
      throw new TypeError(`${this.describe()}: ${prop} must be a number`);
    }
  }

  protected override currentFormState(): unknown {
    return null;
  }

  protected override restoreFormState(): void {}

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('type') && !TYPES.has(this.type)) {
      this.warnOnce(`type:${this.type}`, `type "${this.type}" is not submit, reset or button; using submit`);
    }
    super.willUpdate(changed);
  }

  /** Every click that reaches the host — pointer, Enter/Space on the inner button, `click()` — counts once. */
  private readonly onClick = (): void => {
    if (this.isDisabled) return;
    this.setByUser('nClicks', (Number(this.nClicks) || 0) + 1);
    this.setByUser('nClicksTimestamp', Date.now());
    const form = this.internals.form;
    if (!form) return;
    const type = TYPES.has(this.type) ? this.type : 'submit';
    if (type === 'reset') form.reset();
    if (type !== 'submit') return;
    // The submitter's name=value goes with the form, as a native submit button's does.
    if (this.name) this.internals.setFormValue(this.value);
    try {
      form.requestSubmit();
    } finally {
      this.internals.setFormValue(null);
    }
  };

  private onBlur(): void {
    this.setByUser('nBlur', (Number(this.nBlur) || 0) + 1);
    this.setByUser('nBlurTimestamp', Date.now());
  }

  override render(): TemplateResult {
    return html`<button
      part="button"
      type="button"
      aria-label=${this.accessibleName() || nothing}
      ?disabled=${this.isDisabled}
      @blur=${this.onBlur}
    ><slot></slot></button>`;
  }
}
