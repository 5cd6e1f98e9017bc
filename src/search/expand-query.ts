import { normalizeForMatch } from '../text/normalize-for-match.js';

/** Other ways of saying a question word: each word → the words of its synonym groups (never itself). */
export type Synonyms = ReadonlyMap<string, readonly string[]>;

/**
 * config/synonyms.txt: one group a line, words separated by spaces, `#` comments. Every word of a
 * group stands for the others, except that a one-character word is never an expansion (it would
 * match almost every sentence): it only looks up the longer words of its group.
 *
 * @example parseSynonyms('看病 就医 就诊').get('看病') // → ['就医', '就诊']
 */
export function parseSynonyms(text: string): Synonyms {
  const out = new Map<string, string[]>();
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const group = [...new Set(trimmed.split(/\s+/u).map((w) => normalizeForMatch(w)))].filter((w) => w !== '');
    for (const word of group) {
      const others = group.filter((w) => w !== word && Array.from(w).length >= 2);
      if (others.length === 0) continue;
      out.set(word, [...new Set([...(out.get(word) ?? []), ...others])]);
    }
  }
  return out;
}

/** Weight of a match through an expansion, relative to the reader's own word. */
export const EXPANSION_WEIGHT = 0.7;
/** Weight of a match through an abbreviation (the word's characters in order inside a longer term). */
export const ABBREVIATION_WEIGHT = 0.5;

/**
 * The expansions of one question word: its synonyms, and for a two-character word the pattern of
 * a longer term holding its characters in order (医保 → 医疗保险, 高铁 → 高速铁路), tried only where the
 * word itself is not printed.
 */
export interface Expansion {
  synonyms: readonly string[];
  abbreviation?: RegExp;
}

export function expansionOf(word: string, synonyms: Synonyms): Expansion {
  const chars = Array.from(word);
  const abbreviation = chars.length === 2 && chars.every((c) => /\p{Script=Han}/u.test(c)) ? new RegExp(`${chars[0]}\\p{Script=Han}{1,2}${chars[1]}`, 'u') : undefined;
  return { synonyms: synonyms.get(word) ?? [], ...(abbreviation !== undefined ? { abbreviation } : {}) };
}

