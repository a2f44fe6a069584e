// Type guards for data that arrives untyped (messages, stored and loaded
// JSON): small and hand-written, so that no schema library ships.

/** A plain object (not null, not an array), its keys still to be checked. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
