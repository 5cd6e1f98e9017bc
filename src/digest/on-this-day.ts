import type { Archive } from '../archive/archive.js';
import type { IssueHead } from '../archive/model.js';

/**
 * The issues the paper printed on the same calendar day (month and day) in earlier years than `date`, newest year
 * first. Issues whose date is only inferred are left out: "on this day" must be a fact, not a guess.
 * 29 February matches only 29 February.
 *
 * @example issuesOnThisDay(archive, '2025-11-07') // the issues of 2024-11-07, 2023-11-07, …
 */
export function issuesOnThisDay(archive: Pick<Archive, 'issues'>, date: string): IssueHead[] {
  return earlierOnSameDay(archive, date).filter((i) => i.dateSource !== 'inferred');
}

/**
 * The issues left out of issuesOnThisDay because their date is only inferred (shown as 约…): /onthisday names them
 * rather than telling a reader, who can see them in /issues, that the archive has nothing on that day.
 */
export function inferredOnThisDay(archive: Pick<Archive, 'issues'>, date: string): IssueHead[] {
  return earlierOnSameDay(archive, date).filter((i) => i.dateSource === 'inferred');
}

function earlierOnSameDay(archive: Pick<Archive, 'issues'>, date: string): IssueHead[] {
  const monthDay = date.slice(5);
  const year = date.slice(0, 4);
  return archive
    .issues()
    .filter((i) => i.date.slice(5) === monthDay && i.date.slice(0, 4) < year)
    .sort((a, b) => b.date.localeCompare(a.date));
}
