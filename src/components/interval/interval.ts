import { type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { DashElement } from '../../internal/dash-element.js';

/**
 * Dash's `dcc.Interval`: adds one to `nIntervals` every `interval` ms, so callbacks on
 * `nIntervals` run on a timer (how Dash apps stream live data). Ticks are scheduled against the
 * start time, not the previous tick, so a busy page never makes them drift; a tick that comes
 * late (a long task, a hidden tab) is not repeated to catch up. It stops after `maxIntervals`
 * ticks, while `disabled`, and when removed from the page; writing a smaller `nIntervals` (or
 * enabling it again) resumes it. Renders nothing.
 *
 * @summary A timer that counts ticks for callbacks.
 *
 * @fires dash-prop-change - `nIntervals` ticked (`user: true`, the element's own change), or any property was set.
 *
 * @tagname dash-interval
 */
export class DashInterval extends DashElement {
  /** Milliseconds between ticks (default 1000). */
  @property({ type: Number }) interval = 1000;

  /** Ticks so far. Callbacks may write it (to reset it, for example). */
  @property({ attribute: 'n-intervals', type: Number, reflect: true }) nIntervals = 0;

  /** Stop once `nIntervals` reaches this (-1: never). */
  @property({ attribute: 'max-intervals', type: Number }) maxIntervals = -1;

  /** No ticks while true; ticking resumes when it is false again. */
  @property({ type: Boolean, reflect: true }) disabled = false;

  private timer: ReturnType<typeof setTimeout> | null = null;
  /** When the current run started, and how many periods after it the next tick is due. */
  private origin = 0;
  private beat = 0;

  override createRenderRoot() {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.restart();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (!this.isConnected) return;
    if (changed.has('interval') || changed.has('disabled')) this.restart();
    else if (!this.shouldTick()) this.stop();
    else if (this.timer === null) this.restart();
  }

  private period(): number {
    if (Number.isFinite(this.interval) && this.interval > 0) return this.interval;
    this.warnOnce(`interval:${this.interval}`, `interval "${this.interval}" is not a positive number of ms; using 1000`);
    return 1000;
  }

  private shouldTick(): boolean {
    return !this.disabled && (this.maxIntervals < 0 || this.nIntervals < this.maxIntervals);
  }

  private restart(): void {
    this.stop();
    if (!this.shouldTick()) return;
    this.origin = performance.now();
    this.beat = 0;
    this.schedule();
  }

  private stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  /** The next tick is due at the next whole period after the start that is still ahead. */
  private schedule(): void {
    const period = this.period();
    const now = performance.now();
    this.beat = Math.max(this.beat + 1, Math.floor((now - this.origin) / period) + 1);
    this.timer = setTimeout(this.tick, this.origin + this.beat * period - now);
  }

  private readonly tick = (): void => {
    this.timer = null;
    if (!this.isConnected || !this.shouldTick()) return;
    this.setByUser('nIntervals', this.nIntervals + 1);
    if (this.shouldTick()) this.schedule();
  };
}
