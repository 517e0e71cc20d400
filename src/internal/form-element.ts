import { property } from 'lit/decorators.js';
import { DashElement } from './dash-element.js';

/**
 * A DashElement that takes part in forms through ElementInternals (SPEC §2): it submits
 * `formValue()` under `name`, is labelable by `<label for>`, and `formResetCallback()` puts back
 * the value it had when it first connected.
 */
export class DashFormElement extends DashElement {
  static formAssociated = true;

  /** The name the value is submitted under inside a `<form>`. */
  @property({ reflect: true }) name = '';

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

  formResetCallback(): void {
    this.restoreFormState(this.initialValue);
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
