import { addDays } from '../../../src/text/calendar.js';
import type { Issue } from '../../../src/archive/model.js';

/**
 * A synthetic archive `times` as large as `issues`: copy k (k ≥ 1) of every issue is re-dated k weeks
 * earlier, with its own issue, article and file ids. For benchmarks only: the copies repeat the same
 * text, so posting lists grow as in a real archive of that size, vocabulary does not.
 */
export function replicateArchive(issues: readonly Issue[], times: number): Issue[] {
  const out: Issue[] = [...issues];
  for (let k = 1; k < times; k++) {
    for (const issue of issues) {
      const id = `${issue.id}-${k}`;
      out.push({
        ...issue,
        id,
        file: `${k}_${issue.file}`,
        date: addDays(issue.date, -7 * k),
        number: issue.number === undefined ? undefined : issue.number - 7 * k,
        articles: issue.articles.map((a) => ({ ...a, id: `${a.id}-${k}`, issueId: id })),
      });
    }
  }
  return out;
}
