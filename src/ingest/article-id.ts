import { createHash } from 'node:crypto';

const hex = (text: string) => createHash('sha1').update(text).digest('hex');

/**
 * Stable short id of an issue from its file name: 8 hex characters (safe in callback data and
 * deep links). The same file name always gives the same id.
 *
 * @example issueId('000_79b3c460d300cb0d.txt') // e.g. '1c0f…' (8 hex chars)
 */
export function issueId(file: string): string {
  return hex(`issue\n${file}`).slice(0, 8);
}

/**
 * Stable short id of an article: 12 hex characters from the file name and the first 40 characters
 * of the article's text, so re-ingesting the same file gives the same ids. `taken` holds the ids
 * already given in this issue; a clash (two articles opening with the same text) is resolved by
 * hashing again with a counter, deterministically in file order.
 */
export function articleId(file: string, text: string, taken: ReadonlySet<string>): string {
  const key = `${file}\n${text.replace(/\s+/g, '').slice(0, 40)}`;
  let id = hex(key).slice(0, 12);
  for (let n = 2; taken.has(id); n++) id = hex(`${key}\n${n}`).slice(0, 12);
  return id;
}

/**
 * What identifies an article whatever its issue file is called: its issue's date, its headline and the
 * first 40 characters of its text (as articleId reads them). An issue file moved or renamed gives its
 * articles new ids (they come from the path); this key finds the article an old id stood for.
 */
export function articleMatchKey(date: string, article: { title: string; paragraphs: readonly string[]; captions: readonly string[] }): string {
  const text = article.paragraphs.join('') || article.captions.join('') || article.title;
  return hex(`match\n${date}\n${article.title}\n${text.replace(/\s+/g, '').slice(0, 40)}`).slice(0, 16);
}
