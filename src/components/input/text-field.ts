import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { DashFormElement } from '../../internal/form-element.js';
import { emitUserEdit } from '../../internal/events.js';
import { Persistent } from '../../internal/persistence.js';

/**
 * What `<dash-input>` and `<dash-textarea>` share (docs/input.md): one native field in the shadow
 * root whose text follows `value`, Dash's `nBlur` count, the text constraints, forms and
 * validity. Writes from outside never move a typing person's caret nor eat their keystrokes:
 * the box is left alone while it already shows the written value, and a person's edit not yet
 * committed (debounce) wins over a write that arrives meanwhile.
 */
export abstract class DashTextField extends Persistent(DashFormElement, { props: ['value'] }) {
  /** Focus (a `<label for>` click, `focus()`) goes to the inner box. */
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The value. Reflects; JSON in the attribute when it parses (`value="3"` is 3), else text. */
  @property({ converter: jsonOrStringConverter, reflect: true }) value: unknown = null;

  /** Text shown while the box is empty. */
  @property({ reflect: true }) placeholder: string | null = null;

  /** The box cannot be edited (its value is still submitted). */
  @property({ attribute: 'read-only', type: Boolean, reflect: true }) readOnly = false;

  /** The form refuses to submit while the box is empty. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Fewest characters the form accepts. */
  @property({ attribute: 'min-length', type: Number }) minLength: number | null = null;

  /** Most characters a person can type. */
  @property({ attribute: 'max-length', type: Number }) maxLength: number | null = null;

  /** Whether the browser checks spelling (`"true"` / `"false"`; the browser's default when unset). */
  @property({ attribute: 'spell-check' }) spellCheck: string | boolean | null = null;

  /** Times the box lost focus. Reflects. */
  @property({ attribute: 'n-blur', type: Number, reflect: true }) nBlur = 0;

  /** When the box last lost focus (ms since the epoch), `-1` before. */
  @property({ attribute: 'n-blur-timestamp', type: Number }) nBlurTimestamp = -1;

  /** The person edited the box since its text was last committed to `value`. */
  protected dirty = false;

  /** The native `<input>` / `<textarea>` in the shadow root. */
  protected abstract get field(): HTMLInputElement | HTMLTextAreaElement | null;

  /** The value the box's text stands for. */
  protected abstract parseBox(): unknown;

  /** The text that shows `value` in the box. */
  protected boxText(value: unknown): string {
    return value === null || value === undefined ? '' : String(value);
  }

  override focus(options?: FocusOptions): void {
    this.field?.focus(options);
  }

  override blur(): void {
    this.field?.blur();
  }

  protected override formValue(): string | null {
    return this.value === null || this.value === undefined ? null : String(this.value);
  }

  /** Commits the box's text to `value` as a person's change; fires `input` when it changed. */
  protected commit(): void {
    this.dirty = false;
    if (this.setByUser('value', this.parseBox())) {
      emitUserEdit(this, { change: false });
    }
  }

  /** Counts a blur as Dash does (after committing a pending edit). */
  protected onBlur(): void {
    if (this.dirty) this.commit();
    this.setByUser('nBlur', (Number(this.nBlur) || 0) + 1);
    this.setByUser('nBlurTimestamp', Date.now());
  }

  /** The native `change` is not composed: the host fires its own once the value is committed. */
  protected onNativeChange(e: Event): void {
    e.stopPropagation();
    if (this.dirty) this.commit();
    emitUserEdit(this, { input: false });
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('value')) this.syncBox();
    this.updateValidity();
    super.updated(changed);
  }

  /** Shows `value` in the box unless it already stands for it, keeping the caret where it was. */
  private syncBox(): void {
    const field = this.field;
    if (!field) return;
    const focused = this.shadowRoot!.activeElement === field;
    if (focused && this.dirty) return; // the person's uncommitted edit wins; it commits later
    if (deepEqual(this.parseBox(), this.value)) return;
    const text = this.boxText(this.value);
    if (field.value === text) return;
    const { selectionStart, selectionEnd } = caret(field);
    field.value = text;
    this.dirty = false;
    if (focused && selectionStart !== null && selectionEnd !== null) {
      field.setSelectionRange(Math.min(selectionStart, text.length), Math.min(selectionEnd, text.length));
    }
  }

  /** The box's constraint validation (required, min/max, pattern …) is the element's validity in its form. */
  protected updateValidity(): void {
    const field = this.field;
    if (!field) return;
    if (field.validity.valid) this.internals.setValidity({});
    else this.internals.setValidity(field.validity, field.validationMessage, field);
  }
}

/** Caret of a field; types without a text caret (number, email …) report null. */
function caret(field: HTMLInputElement | HTMLTextAreaElement): { selectionStart: number | null; selectionEnd: number | null } {
  try {
    return { selectionStart: field.selectionStart, selectionEnd: field.selectionEnd };
  } catch {
    return { selectionStart: null, selectionEnd: null };
  }
}
