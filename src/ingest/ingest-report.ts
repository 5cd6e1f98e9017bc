import type { Issue } from '../archive/model.js';
import type { IngestWarning } from './load-issues.js';

/** Columns a string takes in a terminal: wide (CJK) characters take two. */
function termWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return w;
}

const pad = (text: string, width: number, right = false) => {
  const fill = ' '.repeat(Math.max(0, width - termWidth(text)));
  return right ? fill + text : text + fill;
};

/** Warnings printed per issue under the table (all of them are in `--json`). */
const WARNINGS_SHOWN = 3;

/** What a row shows of an issue: its facts and heads (the archive's in-memory list), with its warnings when read. */
export type IssueRow = Pick<Issue, 'id' | 'file' | 'date' | 'dateSource' | 'number' | 'pages'> & { articles: readonly unknown[]; warnings?: readonly string[] };

/**
 * The table `npm run ingest` prints: one row per issue (file, date and how it is known, issue
 * number, articles, passages, warnings), then the files that were skipped and why.
 *
 * @param passages number of search passages per issue id
 */
export function formatIngestReport(issues: readonly IssueRow[], warnings: readonly IngestWarning[], passages: ReadonlyMap<string, number>): string {
  const header = ['file', 'date', 'how known', 'no.', 'articles', 'passages', 'warnings'];
  const rows = issues.map((i) => [
    // An issue kept as one file per page: its pattern and how many pages it was read from.
    i.pages !== undefined ? `${i.file} (${i.pages.length} ${i.pages.length === 1 ? 'page' : 'pages'})` : i.file,
    i.date,
    i.dateSource === 'inferred' ? 'inferred (approx.)' : i.dateSource,
    i.number !== undefined ? String(i.number) : '—',
    String(i.articles.length),
    String(passages.get(i.id) ?? 0),
    String(i.warnings?.length ?? 0),
  ]);
  const numeric = [false, false, false, true, true, true, true];
  const widths = header.map((h, c) => Math.max(termWidth(h), ...rows.map((r) => termWidth(r[c]!))));
  const line = (cells: string[]) => cells.map((cell, c) => pad(cell, widths[c]!, numeric[c])).join('  ').trimEnd();
  const out = [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
  const totalArticles = issues.reduce((n, i) => n + i.articles.length, 0);
  const totalPassages = issues.reduce((n, i) => n + (passages.get(i.id) ?? 0), 0);
  out.push('', `${issues.length} issue(s), ${totalArticles} articles, ${totalPassages} passages`);
  // What the warnings column counts: the first few of each issue, so an operator can read them without --json.
  const warned = issues.filter((i) => (i.warnings?.length ?? 0) > 0);
  if (warned.length > 0) {
    out.push('', 'Warnings:');
    for (const i of warned) {
      out.push(`  ${i.file}:`);
      for (const w of i.warnings!.slice(0, WARNINGS_SHOWN)) out.push(`    ${w}`);
      if (i.warnings!.length > WARNINGS_SHOWN) out.push(`    … and ${i.warnings!.length - WARNINGS_SHOWN} more (npm run ingest -- --json)`);
    }
  }
  if (warnings.length > 0) {
    out.push('', `${warnings.length} problem(s):`);
    for (const w of warnings) out.push(`  ${w.file}: ${w.message}`);
  }
  return `${out.join('\n')}\n`;
}
