/**
 * Current and longest runs of consecutive days. `days` are 'YYYY-MM-DD' (UTC) in any order, with
 * duplicates allowed; the current streak counts back from today, or from yesterday when today has
 * no activity yet (a streak is not lost before the day is over). Days after today are ignored.
 */
export function computeStreaks(days: string[], today: string): { current: number; longest: number } {
  const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
  const t = dayNumber(today);
  const sorted = [...new Set(days.map(dayNumber))].filter((n) => n <= t).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < sorted.length; i++) {
    run = i > 0 && sorted[i]! === sorted[i - 1]! + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const set = new Set(sorted);
  let start = set.has(t) ? t : set.has(t - 1) ? t - 1 : null;
  let current = 0;
  while (start !== null && set.has(start)) {
    current++;
    start--;
  }
  return { current, longest };
}
