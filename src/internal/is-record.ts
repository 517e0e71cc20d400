/** A plain key → value object (JSON's object): not null, not an array. Pure: the runtime and server use it too. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
