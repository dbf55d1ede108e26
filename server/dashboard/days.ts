// Dashboard days are calendar days in China Standard Time (UTC+8, no daylight
// saving), as the pages show times: a view at 07:00 Beijing time on the 25th
// counts for the 25th although it is still the 24th in UTC.
const CHINA_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 24 * 3600_000;

/** `YYYY-MM-DD`: the day in China on which `at` falls. */
export function chinaDay(at: Date = new Date()): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The `count` China days ending with the one `at` falls on, oldest first. */
export function lastDays(count: number, at: Date = new Date()): string[] {
  return Array.from({ length: count }, (_, i) => chinaDay(new Date(at.getTime() - (count - 1 - i) * DAY_MS)));
}

/** The China day `days` days before the one `at` falls on. */
export function dayBefore(days: number, at: Date = new Date()): string {
  return chinaDay(new Date(at.getTime() - days * DAY_MS));
}
