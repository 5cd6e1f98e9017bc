import type { Issue } from '../../../src/archive/model.js';
import { unbracketHeadline } from '../../../src/ingest/line-patterns.js';

/** Character counts, NFKC-folded and whitespace-free: display cleaning may change width and spacing, never content. */
export function characterCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text.normalize('NFKC').replace(/\s+/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/**
 * The raw file's text without markup (heading marks, bold marks, HTML tags, the 【】 printed around a
 * headline line): what must all be accounted for.
 */
export function sourceText(raw: string): string {
  return raw
    .replace(/^[ \t\u3000]*#{1,6}[ \t]*/gm, '')
    .replace(/\*\*|__/g, '')
    .replace(/<\/?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?\/?>/g, '')
    .split('\n')
    .map((line) => unbracketHeadline(line) ?? line)
    .join('\n');
}

/** Every character an issue accounts for: boilerplate plus each article's printed fields, body and captions. */
export function accountedText(issue: Issue): string {
  const parts = [...issue.boilerplate];
  for (const a of issue.articles) {
    parts.push(a.kicker ?? '', a.titleDerived ? '' : a.title, a.subtitle ?? '', a.lead ?? '', a.signoff ?? '');
    // byline and dateline read from the printed lead-in or closing line are already counted there
    if (a.byline && !(a.lead ?? '').includes(a.byline)) parts.push(a.byline);
    if (a.dateline && !(a.lead ?? '').includes(a.dateline) && !(a.signoff ?? '').includes(a.dateline)) parts.push(a.dateline);
    parts.push(...a.paragraphs, ...a.captions);
  }
  return parts.join('');
}
