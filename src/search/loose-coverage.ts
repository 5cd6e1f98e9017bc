import { idf, matchWeight, type WeightedTerm } from './query-model.js';

/** One Han character of a question word, with its IDF over the archive's passages. */
export interface WeightedChar {
  char: string;
  weight: number;
}

/**
 * What a question word is worth, at most, through characters it shares with a text when the text
 * prints neither it nor one of its expansions: a reader's word and the paper's often share one
 * (小孩 ~ 孩子, 网上 ~ 网络, 采用 ~ 采纳), but sharing a character is weaker evidence than the word.
 */
export const CHARACTER_CREDIT = 0.5;

/**
 * The IDF of each Han character of a word of two characters or more (computed once per question,
 * so that a window costs only `includes` tests). A character the archive never printed weighs
 * nothing: it cannot be shared.
 *
 * @example characterWeights('小孩', (c) => df.get(c) ?? 0, 173) // → [{ char: '小', weight: 0.9 }, { char: '孩', weight: 2.8 }]
 */
export function characterWeights(word: string, charDf: (char: string) => number, docCount: number): WeightedChar[] | undefined {
  const chars = [...new Set(Array.from(word))];
  if (chars.length < 2 || !chars.every((c) => /\p{Script=Han}/u.test(c))) return undefined;
  return chars.map((char) => {
    const df = charDf(char);
    return { char, weight: df === 0 ? 0 : idf(df, docCount) };
  });
}

/** A term's match in `text` (or `alsoIn`): the word or its expansions (see matchWeight), else the IDF share of its characters there, at CHARACTER_CREDIT. */
export function looseMatch(t: WeightedTerm, text: string, alsoIn?: string): number {
  const whole = matchWeight(t, text, alsoIn);
  if (whole > 0 || t.chars === undefined) return whole;
  let got = 0;
  let total = 0;
  for (const c of t.chars) {
    total += c.weight;
    if (text.includes(c.char) || (alsoIn !== undefined && alsoIn.includes(c.char))) got += c.weight;
  }
  return total > 0 ? (CHARACTER_CREDIT * got) / total : 0;
}

/** Like coverage, with partial credit for shared characters (see looseMatch): for choosing among one article's windows. */
export function looseCoverage(terms: readonly WeightedTerm[], text: string, alsoIn?: string): number {
  let got = 0;
  let total = 0;
  for (const t of terms) {
    total += t.weight;
    got += t.weight * looseMatch(t, text, alsoIn);
  }
  return total > 0 ? got / total : 0;
}
