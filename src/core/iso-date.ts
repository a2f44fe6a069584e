// ISO calendar dates (YYYY-MM-DD), the one date format articles carry.

/** True for YYYY-MM-DD naming a real day (no 2021-02-30). */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}
