import type { IngestProblem } from '../open-archive.js';

/** What to do about each kind of file left out, said once per kind. */
const REMEDY: Record<IngestProblem['kind'], string> = {
  refused: 'far larger than an issue: split it into one file per issue or per page',
  unreadable: 'not UTF-8 text, binary or unreadable: convert or replace it',
  empty: 'no article text: remove it or fill it',
  duplicate: 'another copy of an issue already in the archive: remove one of the two',
  manifest: 'the manifest names a file that is not there: correct config/manifest.json',
  undated: 'no date anywhere: record it in config/manifest.json or file it under its day',
  misdated: 'dated more than 2 days after today (a typo?): rename it or correct its date in config/manifest.json',
  misfiled: 'a page whose masthead names another issue than the other pages filed with it: move it to its own day',
  dangling: 'a symbolic link to a file or folder that is not there: restore its target or remove the link',
};

/**
 * Files left out, grouped by kind: one line per kind with a count and what to do, then each file's
 * message (at most `perKind`, then how many more). Empty when nothing was left out.
 */
export function formatProblemSummary(problems: readonly IngestProblem[], perKind = 20): string {
  if (problems.length === 0) return '';
  const byKind = new Map<IngestProblem['kind'], IngestProblem[]>();
  for (const p of problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  const lines = [`${problems.length} file(s) not in the archive:`];
  for (const [kind, list] of byKind) {
    lines.push(`  ${kind}: ${list.length} (${REMEDY[kind]})`);
    for (const p of list.slice(0, perKind)) lines.push(`    ${p.message}`);
    if (list.length > perKind) lines.push(`    … and ${list.length - perKind} more`);
  }
  return `${lines.join('\n')}\n`;
}
