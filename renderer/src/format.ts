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

const day = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/// A publication date as the UI shows it: `"13 Dec 2016"`. The day is the one the source
/// states (a date-time's own date, whatever the viewer's time zone); anything else is shown as is.
export function formatPublished(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? iso : day.format(date);
}

/// Outlet and publication date on one line (`"Business Standard · 13 Dec 2016"`), or '' when
/// neither is known.
export function sourceLine(meta: { outlet?: string; publishedAt?: string }): string {
  return [meta.outlet, meta.publishedAt && formatPublished(meta.publishedAt)].filter(Boolean).join(' · ');
}
