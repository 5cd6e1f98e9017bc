import type { Issue } from '../archive/model.js';
import { addDays, isoDateIn } from '../text/calendar.js';

/** Days an issue may be dated after today (the paper's time zone): a paper is printed the evening before, a clock may be off. */
export const FUTURE_DATE_SLACK_DAYS = 2;

const whereToFix: Record<Issue['dateSource'], string> = {
  filename: 'rename the file to its real date',
  manifest: 'correct its date in config/manifest.json',
  masthead: 'correct the date in its masthead line (or give its real date in config/manifest.json)',
  inferred: 'give its real date in config/manifest.json',
};

/**
 * Why an issue dated in the future is refused, or undefined when its date is plausible. A typo (`2032-03-24.txt` for 2023, a
 * manifest `2099-01-01`) would otherwise become the newest issue until that day: /latest and every digest would show it instead
 * of the real new issues.
 */
export function futureDateProblem(file: string, issue: Pick<Issue, 'date' | 'dateSource'>, now: Date, timeZone: string): string | undefined {
  const today = isoDateIn(timeZone, now);
  if (issue.date <= addDays(today, FUTURE_DATE_SLACK_DAYS)) return undefined;
  return `${file} refused as misdated: its ${issue.dateSource} date ${issue.date} is after today (${today}). To add it, ${whereToFix[issue.dateSource]}.`;
}
