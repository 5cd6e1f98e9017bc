/** A relative year word and how many years from the issue's own year it names. */
const OFFSETS: Record<string, number> = { 今年: 0, 本年: 0, 去年: -1, 上年: -1, 上一年: -1, 前年: -2, 明年: 1, 来年: 1, 下一年: 1, 后年: 2 };

/** How the paper of a given year names a year: the figure, or a relative word (2024 in a 2025 issue is 去年). */
function wordsFor(year: number, issueYear: number): string[] {
  const d = year - issueYear;
  return Object.entries(OFFSETS).filter(([, o]) => o === d).map(([w]) => w);
}

/**
 * A year constraint of a question (see QuestionAnalysis.constraints) read in the issue's own time:
 * the reader's 去年 is what a 2025 issue prints as 2024年 (or 去年), and the reader's 2024年 is what
 * that issue prints as 去年. Ordinals and other constraints come back unchanged.
 *
 * @example withIssueYear(['去年', '上年', '上一年'], 2025) // → ['去年', '上年', '上一年', '2024年']
 * @example withIssueYear(['2024'], 2025) // → ['2024', '去年', '上年', '上一年']
 */
export function withIssueYear(ways: readonly string[], issueYear: number | undefined): string[] {
  if (issueYear === undefined || !Number.isFinite(issueYear)) return [...ways];
  const offset = OFFSETS[ways[0] ?? ''];
  if (offset !== undefined) return [...ways, `${issueYear + offset}年`];
  if (ways.length === 1 && /^\d{4}$/u.test(ways[0]!)) return [...ways, ...wordsFor(Number(ways[0]), issueYear)];
  return [...ways];
}
