/// Small formatting helpers shared by the library and the panes.

const integer = new Intl.NumberFormat('en-US');

/// `1234` → `"1,234"`.
export function formatInteger(n: number): string {
  return integer.format(n);
}

/// `"1 annotation"`, `"3 annotations"`, `"1,204 characters"`.
export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatInteger(n)} ${n === 1 ? singular : pluralForm}`;
}

/// Total of a per-label count map.
export function totalCount(counts: Record<string, number>): number {
  return Object.values(counts).reduce((sum, n) => sum + n, 0);
}

/// The message of anything thrown.
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/// An ISO time as the UI shows it: `"12 Dec 2016, 14:03"` (local time).
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}

/// A quote on one line, cut to `max` characters with an ellipsis.
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
