import { LitElement, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { jsonOrStringConverter } from '../../internal/converters.js';
import { deepEqual } from '../../internal/deep-equal.js';
import { DashFormElement } from '../../internal/form-element.js';
import { emitUserEdit } from '../../internal/events.js';
import { Persistent } from '../../internal/persistence.js';

/** The three selection props, read from the box together. */
const SELECTION = ['selectionStart', 'selectionEnd', 'selectionDirection'] as const;

/** A written selection is applied even when it equals the prop: the box may have moved since (a written value puts the caret at its end). */
const everyWrite = (): boolean => true;

/**
 * What `<dash-input>` and `<dash-textarea>` share (docs/input.md): one native field in the shadow
 * root whose text follows `value`, Dash's `nBlur` count, the text constraints, forms and
 * validity. Writes from outside never move a typing person's caret nor eat their keystrokes:
 * the box is left alone while it already shows the written value, and a person's edit not yet
 * committed (debounce) wins over a write that arrives meanwhile. The selection props follow the
 * person's caret and selection, and a write moves the selection without taking focus.
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

  /**
   * Where the selection starts in the box's text, or the caret when nothing is selected (Dash:
   * `selectionStart`). Follows the person's mouse and keys; writing it moves the selection.
   * `null` until the person first puts the caret in the box (or a write).
   */
  @property({ attribute: 'selection-start', type: Number, hasChanged: everyWrite }) selectionStart: number | null = null;

  /** Where the selection ends (the caret when nothing is selected); as `selectionStart`. */
  @property({ attribute: 'selection-end', type: Number, hasChanged: everyWrite }) selectionEnd: number | null = null;

  /** `forward`, `backward` or `none`: which end of the selection the person moved; as `selectionStart`. */
  @property({ attribute: 'selection-direction', hasChanged: everyWrite }) selectionDirection: string | null = null;

  /** Focuses the box when the element first appears (once, as the HTML attribute), unless a person is typing elsewhere. */
  @property({ attribute: 'auto-focus', type: Boolean }) autoFocus: boolean | string = false;

  /** The person edited the box since its text was last committed to `value`. */
  protected dirty = false;

  /** A callback or outside code wrote a selection prop in the update under way. */
  private selectionWritten = false;

  /** The first update has looked at `autoFocus`. */
  private autoFocusDone = false;

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
    this.followSelection(); // in the same update as the value, so a callback reading both sees them agree
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

  /** The person moved the caret or selected text in the box (`selectionchange`, typing). */
  protected readonly followSelection = (): void => {
    if (this.shadowRoot!.activeElement === this.field) this.readSelection(true);
  };

  override connectedCallback(): void {
    super.connectedCallback();
    // Chromium fires `selectionchange` for a box inside a shadow root at the document alone;
    // browsers that fire it at the box itself reach the templates' listener.
    document.addEventListener('selectionchange', this.followSelection);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('selectionchange', this.followSelection);
  }

  /** Copies the box's selection into the selection props, as the person's change or quietly. */
  private readSelection(user: boolean): void {
    const field = this.field!;
    if (field.selectionStart === null) return; // number, email …: no text selection
    for (const prop of SELECTION) {
      if (user) this.setByUser(prop, field[prop] as never);
      else if (this[prop] !== field[prop]) (this[prop] as unknown) = field[prop];
    }
  }

  /**
   * Puts a written selection into the box. `setSelectionRange` leaves focus where it is, and
   * the props then say what the box took (a position past the end is the end).
   */
  private applySelection(): void {
    const field = this.field;
    const direction = this.selectionDirection;
    if (!field || SELECTION.every((prop) => this[prop] === null)) return;
    if (direction && !['forward', 'backward', 'none'].includes(direction)) {
      this.warnOnce(`selectionDirection:${direction}`, `selectionDirection "${direction}" is not forward, backward or none`);
    }
    const start = this.position('selectionStart') ?? field.selectionStart ?? 0;
    try {
      // An unknown direction is none; a start after the end moves the end (as the native props).
      field.setSelectionRange(start, Math.max(this.position('selectionEnd') ?? start, start), direction as 'none');
    } catch {
      this.warnOnce('selection', `type "${field.type}" has no text selection to set`);
      return;
    }
    this.readSelection(false);
  }

  /** A written offset as a number (Dash declares them strings: `"3"` is 3); null when unset or not a position. */
  private position(prop: 'selectionStart' | 'selectionEnd'): number | null {
    const value = this[prop];
    if (value === null) return null;
    if (Number.isInteger(+value) && +value >= 0) return +value;
    this.warnOnce(`${prop}:${value}`, `${prop} "${value}" is not a position in the text`);
    return null;
  }

  protected override willUpdate(changed: PropertyValues): void {
    this.selectionWritten = SELECTION.some((prop) => changed.has(prop) && !this.isUserChange(prop));
    super.willUpdate(changed);
  }

  protected override updated(changed: PropertyValues): void {
    if (!this.hasUpdated || changed.has('value')) this.syncBox();
    if (this.selectionWritten) this.applySelection();
    if (!this.autoFocusDone) {
      this.autoFocusDone = true;
      if (this.autoFocus && !typingElsewhere()) this.field?.focus();
    }
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
      this.readSelection(false);
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

/** A person is typing in a text box somewhere on the page (looking into shadow roots): autoFocus leaves them there. */
function typingElsewhere(): boolean {
  let focused = document.activeElement;
  while (focused?.shadowRoot?.activeElement) focused = focused.shadowRoot.activeElement;
  return !!focused?.matches('input, textarea, [contenteditable]');
}
