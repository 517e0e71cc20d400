// What every browser test shares: waiting for an element to settle and capturing warnings.
// docs/testing.md says how to use them and the shared suites in ./suites/.

/** One animation frame. */
export function frame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

/**
 * Until the element has updated, painted a frame, and updated again: what follows a frame
 * (virtual rows, a `<label for>` found after connecting) has landed too.
 */
export async function settle(el: { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  await frame();
  await el.updateComplete;
}

export interface CapturedWarnings {
  /** Each `console.warn` call since capture began, its arguments joined by spaces. */
  messages: string[];
  /** Puts the real `console.warn` back. */
  restore(): void;
}

/** Captures `console.warn` until `restore()` (call it in a `finally`). */
export function captureWarnings(): CapturedWarnings {
  const messages: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => messages.push(args.map(String).join(' '));
  return { messages, restore: () => (console.warn = original) };
}

/** Runs `body` with `console.warn` captured, and returns what it warned. */
export async function warningsDuring(body: () => unknown): Promise<string[]> {
  const captured = captureWarnings();
  try {
    await body();
  } finally {
    captured.restore();
  }
  return captured.messages;
}

/** Runs `body` with `console.error` silenced (callback errors are logged there); returns its result and what it logged. */
export async function errorsDuring<T>(body: () => Promise<T>): Promise<{ result: T; errors: string[] }> {
  const errors: string[] = [];
  const original = console.error;
  console.error = (...args: unknown[]) => errors.push(args.map(String).join(' '));
  try {
    return { result: await body(), errors };
  } finally {
    console.error = original;
  }
}

/** Waits, frame by frame, until `check()` holds (callbacks, file reads, lazy code); fails after `frames`. */
export async function until(check: () => boolean, frames = 200): Promise<void> {
  for (let i = 0; i < frames && !check(); i++) await frame();
  if (!check()) throw new Error(`still not true after ${frames} frames: ${check.toString()}`);
}
