import { html, nothing, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { inputStyles } from '../input/input.styles.js';
import { DashTextField } from '../input/text-field.js';

const str = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v));

/**
 * Dash's `dcc.Textarea`: a native `<textarea>` whose `value` follows every keystroke, counting
 * clicks (`nClicks`) and blurs (`nBlur`) as Dash does. A callback writing `value` never moves the
 * caret of a person typing. Form-associated.
 *
 * @summary A multi-line text box, as Dash's `dcc.Textarea`.
 *
 * @fires input - The person changed `value`.
 * @fires change - The person committed an edit (left the box), as a native textarea does.
 * @fires dash-prop-change - Any public property changed (`{prop, value, user}`): `value`, the
 *   selection, `nClicks`, `nBlur` and their timestamps by the person; anything by callbacks or outside code.
 *
 * @csspart textarea - The native `<textarea>`.
 *
 * @cssprop --dash-input-background - Box background (falls back to `--dash-background`).
 * @cssprop --dash-input-color - Text colour (falls back to `--dash-color`).
 * @cssprop --dash-input-border-color - Border colour (falls back to `--dash-border-color`).
 * @cssprop --dash-input-accent - Focus ring colour (falls back to `--dash-accent`).
 * @cssprop --dash-input-radius - Corner radius (falls back to `--dash-radius`).
 * @cssprop --dash-font - Font shorthand (default: inherited).
 *
 * @tagname dash-textarea
 */
export class DashTextarea extends DashTextField {
  static override styles = inputStyles;

  /** Visible lines. */
  @property({ type: Number }) rows: number | null = null;

  /** Visible width in characters. */
  @property({ type: Number }) cols: number | null = null;

  /** `soft` (default), `hard` or `off`: how lines wrap (and, `hard`, are submitted). */
  @property() wrap: string | null = null;

  /** Times the box was clicked. Reflects. */
  @property({ attribute: 'n-clicks', type: Number, reflect: true }) nClicks = 0;

  /** When the box was last clicked (ms since the epoch), `-1` before. */
  @property({ attribute: 'n-clicks-timestamp', type: Number }) nClicksTimestamp = -1;

  @query('textarea') private textarea!: HTMLTextAreaElement | null;

  protected override get field(): HTMLTextAreaElement | null {
    return this.textarea;
  }

  override checkProp(prop: string, value: unknown): void {
    if (prop === 'value' && value !== null && typeof value === 'object') {
      throw new TypeError(`${this.describe()}: value must be a string or null`);
    }
  }

  protected override parseBox(): unknown {
    return this.textarea ? this.textarea.value : this.value;
  }

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('value') && this.value !== null && typeof this.value === 'object') {
      this.warnOnce('value:shape', `value must be a string; ${JSON.stringify(this.value)} is shown as text`);
    }
    super.willUpdate(changed);
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.commit();
  }

  private onClick(): void {
    this.setByUser('nClicks', (Number(this.nClicks) || 0) + 1);
    this.setByUser('nClicksTimestamp', Date.now());
  }

  override render(): TemplateResult {
    return html`<textarea
      part="textarea"
      aria-label=${this.accessibleName() || nothing}
      placeholder=${ifDefined(str(this.placeholder))}
      rows=${ifDefined(str(this.rows))}
      cols=${ifDefined(str(this.cols))}
      wrap=${ifDefined(str(this.wrap))}
      minlength=${ifDefined(str(this.minLength))}
      maxlength=${ifDefined(str(this.maxLength))}
      spellcheck=${ifDefined(str(this.spellCheck))}
      ?required=${this.required}
      ?readonly=${this.readOnly}
      ?disabled=${this.isDisabled}
      @input=${this.onInput}
      @change=${this.onNativeChange}
      @blur=${this.onBlur}
      @click=${this.onClick}
      @selectionchange=${this.followSelection}
    ></textarea>`;
  }
}
