import type { ProgramLevel } from '@learningpt/schema';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "$34.99", "€0.00"... in the reader's locale; formatters are cached per currency. */
export function formatMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency });
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat(undefined);

/** 1234 -> "1.2K" for badges; exact numbers below 10 000 read better. */
export function formatCount(n: number): string {
  return n < 10_000 ? whole.format(n) : compact.format(n);
}

export function formatRating(rating: number): string {
  return rating.toFixed(1);
}

const dates = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long' });
export function formatMonth(date: Date): string {
  return dates.format(date);
}

export const LEVEL_LABELS: Record<ProgramLevel, string> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${whole.format(n)} ${n === 1 ? one : many}`;
}

const dateTimes = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
export function formatDateTime(date: Date): string {
  return dateTimes.format(date);
}

const days = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
export function formatDay(date: Date): string {
  return days.format(date);
}
