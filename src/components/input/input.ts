import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { inputStyles } from './input.styles.js';
import { DashTextField } from './text-field.js';

const TYPES = new Set(['text', 'number', 'password', 'email', 'search', 'tel', 'url', 'range', 'hidden']);

/** `debounce`: absent / `"false"` → false, `""` / `"true"` → true, a number → seconds. */
const debounceConverter = {
  fromAttribute(value: string | null): boolean | number {
    if (value === null) return false;
    const text = value.trim().toLowerCase();
    if (text === '' || text === 'true') return true;
    if (text === 'false') return false;
    const seconds = Number(text);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds : true;
  },
  toAttribute(value: boolean | number): string | null {
    return value === false ? null : String(value);
  },
};

const str = (v: unknown): string | undefined => (v === null || v === undefined || v === '' ? undefined : String(v));

/**
 * Dash's `dcc.Input`: a native `<input>` whose `value` follows the person's typing — on every
 * keystroke (`debounce` false, the default), only on Enter or blur (`debounce`), or after that
 * many seconds of quiet (`debounce="0.5"`). With `type="number"` (or `range`) the value is a
 * number, and `null` when the box is empty or the browser's constraint validation rejects the
 * entry (out of `min..max`, off `step`, not a number), as Dash does. Enter counts `nSubmit`, blur
 * `nBlur`. A callback writing `value` never moves the caret of a person typing. Form-associated.
 *
 * @summary A text or number box, as Dash's `dcc.Input`.
 *
 * @fires input - `value` changed by the person (per keystroke, or when a debounced edit commits).
 * @fires change - The person committed an edit (Enter or leaving the box), as a native input does.
 * @fires dash-prop-change - Any public property changed (`{prop, value, user}`): `value`,
 *   `nSubmit`, `nBlur`, the selection and the timestamps by the person; anything by callbacks or outside code.
 *
 * @csspart input - The native `<input>`.
 *
 * @cssprop --dash-input-background - Box background (falls back to `--dash-background`).
 * @cssprop --dash-input-color - Text colour (falls back to `--dash-color`).
 * @cssprop --dash-input-border-color - Border colour (falls back to `--dash-border-color`).
 * @cssprop --dash-input-accent - Focus ring colour (falls back to `--dash-accent`).
 * @cssprop --dash-input-radius - Corner radius (falls back to `--dash-radius`).
 * @cssprop --dash-font - Font shorthand (default: inherited).
 *
 * @tagname dash-input
 */
export class DashInput extends DashTextField {
  static override styles = inputStyles;

  /** `text` (default), `number`, `password`, `email`, `search`, `tel`, `url`, `range` or `hidden`. */
  @property({ reflect: true }) type = 'text';

  /** `false` (default): every keystroke; `true`: Enter or blur; a number: after that many seconds of quiet. */
  @property({ converter: debounceConverter, reflect: true }) debounce: boolean | number = false;

  /** Smallest number accepted (`type="number"`/`range`). */
  @property({ converter: jsonOrStringConverter }) min: number | string | null = null;

  /** Largest number accepted. */
  @property({ converter: jsonOrStringConverter }) max: number | string | null = null;

  /** Granularity of numbers accepted; `any` (default) accepts every number. */
  @property({ converter: jsonOrStringConverter }) step: number | string = 'any';

  /** A regular expression the text must match for the form to accept it. */
  @property() pattern: string | null = null;

  /** The browser's autofill hint (`autocomplete`), e.g. `off`, `email`. */
  @property({ attribute: 'auto-complete' }) autoComplete: string | null = null;

  /** The virtual keyboard to show (`inputmode`): `numeric`, `decimal`, `email` … */
  @property({ attribute: 'input-mode' }) override inputMode = '';

  /** Id of a `<datalist>` beside the element whose options are offered as suggestions. */
  @property() list: string | null = null;

  /** With `type="email"`: the box takes several addresses, separated by commas. */
  @property({ type: Boolean }) multiple = false;

  /** The box's width in characters. */
  @property({ type: Number }) size: number | null = null;

  /** Times Enter was pressed in the box. Reflects. */
  @property({ attribute: 'n-submit', type: Number, reflect: true }) nSubmit = 0;

  /** When Enter was last pressed (ms since the epoch), `-1` before. */
  @property({ attribute: 'n-submit-timestamp', type: Number }) nSubmitTimestamp = -1;

  @query('input') private input!: HTMLInputElement | null;

  private debounceTimer = 0;

  protected override get field(): HTMLInputElement | null {
    return this.input;
  }

  private get numeric(): boolean {
    return this.type === 'number' || this.type === 'range';
  }

  override checkProp(prop: string, value: unknown): void {
    if (prop === 'value' && value !== null && typeof value === 'object') {
      throw new TypeError(`${this.describe()}: value must be a string, number or null`);
    }
  }

  protected override parseBox(): unknown {
    const box = this.input;
    if (!box) return this.value;
    if (!this.numeric) return box.value;
    if (box.value === '' || !box.checkValidity()) return null;
    const n = box.valueAsNumber;
    return Number.isNaN(n) ? null : n;
  }

  protected override boxText(value: unknown): string {
    if (this.numeric && typeof value === 'number' && !Number.isFinite(value)) return '';
    return super.boxText(value);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.debounceTimer);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('type') && !TYPES.has(this.type)) {
      this.warnOnce(`type:${this.type}`, `type "${this.type}" is not one of ${[...TYPES].join(', ')}; using text`);
    }
    if (changed.has('value') || changed.has('type')) this.checkValue();
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    // min, max, step or type changed under an entry: the entry may now be (in)valid.
    if (this.hasUpdated && !this.dirty && (changed.has('min') || changed.has('max') || changed.has('step') || changed.has('type'))) {
      if (this.input && this.input.value !== '') this.commit();
    }
  }

  private checkValue(): void {
    const v = this.value;
    if (v === null || v === undefined) return;
    if (typeof v === 'object') {
      this.warnOnce('value:shape', `value must be a string, number or null; ${JSON.stringify(v)} is shown as text`);
    } else if (this.numeric && typeof v !== 'number' && !(typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v)))) {
      this.warnOnce(`value:nan:${String(v)}`, `value ${JSON.stringify(v)} is not a number; the box is left empty`);
    }
  }

  private onInput(e: Event): void {
    e.stopPropagation();
    this.dirty = true;
    clearTimeout(this.debounceTimer);
    const debounce = this.debounce;
    if (debounce === false || (typeof debounce === 'number' && debounce <= 0)) this.commit();
    else if (typeof debounce === 'number') this.debounceTimer = window.setTimeout(() => this.commit(), debounce * 1000);
  }

  private onKeyDown(e: KeyboardEvent): void {
    if (e.key !== 'Enter' || e.isComposing) return;
    clearTimeout(this.debounceTimer);
    if (this.dirty) this.commit();
    this.setByUser('nSubmit', (Number(this.nSubmit) || 0) + 1);
    this.setByUser('nSubmitTimestamp', Date.now());
  }

  protected override onBlur(): void {
    clearTimeout(this.debounceTimer);
    super.onBlur();
  }

  override render(): TemplateResult {
    const type = TYPES.has(this.type) ? this.type : 'text';
    const listOptions = this.listOptions();
    return html`<input
        part="input"
        type=${type}
        aria-label=${this.accessibleName() || nothing}
        placeholder=${ifDefined(str(this.placeholder))}
        min=${ifDefined(str(this.min))}
        max=${ifDefined(str(this.max))}
        step=${ifDefined(str(this.step))}
        minlength=${ifDefined(str(this.minLength))}
        maxlength=${ifDefined(str(this.maxLength))}
        pattern=${ifDefined(str(this.pattern))}
        autocomplete=${ifDefined(str(this.autoComplete))}
        inputmode=${ifDefined(str(this.inputMode))}
        size=${ifDefined(str(this.size))}
        spellcheck=${ifDefined(str(this.spellCheck))}
        list=${listOptions ? 'list' : nothing}
        ?required=${this.required}
        ?readonly=${this.readOnly}
        ?multiple=${this.multiple}
        ?disabled=${this.isDisabled}
        @input=${this.onInput}
        @change=${this.onNativeChange}
        @keydown=${this.onKeyDown}
        @blur=${this.onBlur}
        @selectionchange=${this.followSelection}
        @focus=${listOptions ? () => this.requestUpdate() : nothing}
      />${listOptions
        ? html`<datalist id="list">${listOptions.map((o) => html`<option value=${o.value} label=${o.label || nothing}></option>`)}</datalist>`
        : nothing}`;
  }

  /** The page's `<datalist id=list>` options, copied inside (an id cannot reach into a shadow root). */
  private listOptions(): Array<{ value: string; label: string }> | null {
    if (!this.list) return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    const source = root.getElementById?.(this.list);
    if (!(source instanceof HTMLDataListElement)) return null;
    return Array.from(source.options, (o) => ({ value: o.value, label: o.label === o.value ? '' : o.label }));
  }
}
