// Type guards for data that arrives untyped (messages, stored and loaded
// JSON, export files): small and hand-written, so that no schema library ships.

export type Guard<T> = (value: unknown) => value is T;

/** A plain object (not null, not an array), its keys still to be checked. */
export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const isString = (v: unknown): v is string => typeof v === 'string';
export const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
export const isOptional =
  <T>(guard: Guard<T>) =>
  (v: unknown): v is T | undefined =>
    v === undefined || guard(v);

/** How a value reads in an error message: `missing`, or its JSON. */
export function describe(v: unknown): string {
  if (v === undefined) return 'missing';
  const json = JSON.stringify(v);
  return json === undefined ? String(v) : json.length > 40 ? `${json.slice(0, 37)}...` : json;
}
