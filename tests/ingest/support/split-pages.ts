/**
 * An issue's text cut into `count` pages before some of its headlines, as archives keep one file per
 * page (the masthead's own `## CHANGJI RIBAO` line stays on page 1).
 */
export function splitIntoPages(text: string, count: number): string[] {
  const lines = text.split('\n');
  const heads = lines.flatMap((l, i) => (l.startsWith('## ') && i > 20 ? [i] : []));
  if (heads.length < count) throw new Error(`only ${heads.length} headlines to cut ${count} pages at`);
  const cuts = Array.from({ length: count - 1 }, (_, k) => heads[Math.floor(((k + 1) * heads.length) / count)]!);
  return [0, ...cuts].map((from, k) => lines.slice(from, cuts[k] ?? lines.length).join('\n'));
}
