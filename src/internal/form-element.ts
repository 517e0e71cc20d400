import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { accessibleName } from './accessible-name.js';
import { DashElement } from './dash-element.js';

/**
 * A DashElement that takes part in forms through ElementInternals (docs/conventions.md): it submits
 * `formValue()` under `name`, is labelable by `<label for>`, and `formResetCallback()` puts back
 * the value it had when it first connected.
 */
export class DashFormElement extends DashElement {
  static formAssociated = true;

  /** The name the value is submitted under inside a `<form>`. */
  @property({ reflect: true }) name = '';

  /**
   * Disables the control: it takes no focus and no input, and its form does not submit it.
   * Reflects to the `disabled` attribute.
   */
  @property({ type: Boolean }) disabled = false;

  /** What the browser last told `formDisabledCallback`: own `disabled` or a disabled `<fieldset>`. */
  @state() private formDisabled = false;

  protected readonly internals: ElementInternals;
  private initialValue: unknown;
  private initialCaptured = false;

  constructor() {
    super();
    this.internals = this.attachInternals();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.initialCaptured) {
      this.initialCaptured = true;
      this.initialValue = copy(this.currentFormState());
    }
    // A `<label for>` may come after this element in the page: render its name once it exists.
    requestAnimationFrame(() => this.requestUpdate());
  }

  /** @internal The name the page gives this element, for the inner control that takes focus (public for views in lazy chunks). */
  accessibleName(): string {
    return accessibleName(this, this.internals.labels);
  }

  /** The value to submit: a string, FormData for several entries, or null for none. */
  protected formValue(): FormData | string | null {
    return null;
  }

  /** The state a form reset returns to (usually `value`). */
  protected currentFormState(): unknown {
    return (this as unknown as { value?: unknown }).value;
  }

  /** Applies the state captured at first connect; subclasses write it as a non-user change. */
  protected restoreFormState(state: unknown): void {
    (this as unknown as { value?: unknown }).value = copy(state);
  }

  /** @internal Whether the control is disabled, by its own `disabled` or by a disabled `<fieldset>` around it. */
  get isDisabled(): boolean {
    return this.disabled || this.formDisabled;
  }

  /** @internal The browser calls it when the disabled state changes (own attribute or a `<fieldset>`). */
  formDisabledCallback(disabled: boolean): void {
    this.formDisabled = disabled;
  }

  formResetCallback(): void {
    this.restoreFormState(this.initialValue);
  }

  protected override willUpdate(changed: PropertyValues): void {
    // Reflect `disabled` here, before render, not in Lit's reflection after it: the browser calls
    // formDisabledCallback synchronously when the attribute changes, and a state set after
    // render would be dropped, leaving the inner control one toggle behind.
    if (changed.has('disabled') && this.hasAttribute('disabled') !== this.disabled) {
      this.toggleAttribute('disabled', this.disabled);
    }
    super.willUpdate(changed);
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    super.updated(changed);
    this.internals.setFormValue(this.formValue());
  }
}

/** A private copy of an object value (so later edits don't change what a reset restores); primitives as they are. */
function copy<T>(value: T): T {
  return typeof value === 'object' && value !== null ? structuredClone(value) : value;
}
