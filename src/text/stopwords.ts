import { normalizeForMatch } from './normalize-for-match.js';

/**
 * Parses a stopword list: one word a line, `#` starts a comment line, blank lines ignored.
 * Words are normalised the same way as the text they are compared with.
 */
export function parseStopwords(text: string): Set<string> {
  const words = new Set<string>();
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    words.add(normalizeForMatch(line));
  }
  return words;
}
