/** Characters that end a Chinese sentence (half-width forms too, for text that was not normalised). */
const TERMINALS = new Set(['。', '！', '？', '；', '…', '!', '?', ';']);
/** Closing quotes and brackets that belong to the sentence they close: `他说：“好。”` is one sentence. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '〉', '】', '"', "'"]);
/** Quote marks, either way round (newspaper text sometimes prints “ where ” was meant). */
const QUOTES = new Set(['“', '”', '‘', '’', '「', '」', '『', '』', '"', "'"]);
/** An attribution after a quotation ("杨军奎说。", "杨作仁介绍。") is at most this long, its 。 included. */
const MAX_ATTRIBUTION = 13;
/** Anything that makes a short run more than an attribution: punctuation, quotes, brackets, line breaks. */
const NOT_ATTRIBUTION = /[\p{P}\p{S}\s]/u;

/**
 * The end of an attribution that follows a quotation ending at `at` (…。”杨军奎说。): a short run of
 * words closed by 。 and nothing else; undefined when what follows is a sentence of its own.
 */
function attributionEnd(text: string, at: number): number | undefined {
  let k = at;
  while (k < text.length && k - at < MAX_ATTRIBUTION && text[k] !== '。') {
    if (NOT_ATTRIBUTION.test(text[k]!)) return undefined;
    k++;
  }
  if (text[k] !== '。' || k === at) return undefined;
  k++;
  // "“我们走吧。”" opens a new quotation: its 。 is followed by the closing quote.
  if (k < text.length && CLOSERS.has(text[k]!)) return undefined;
  return k;
}

/**
 * Splits Chinese text into sentences after 。！？；… (and any closing quotes right after them).
 * An attribution after a quotation stays with it: `“…好收成。”刘兵山说。` is one sentence, so no
 * excerpt starts with a dangling "刘兵山说。". Nothing is lost or added:
 * `splitSentences(t).join('') === t` for every string, and whitespace after a sentence end stays
 * with that sentence.
 *
 * @example splitSentences('他说：“好。”我们走吧！') // ['他说：“好。”', '我们走吧！']
 * @example splitSentences('“明年有好收成。”刘兵山说。据了解，') // ['“明年有好收成。”刘兵山说。', '据了解，']
 */
export function splitSentences(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  let i = 0;
  while (i < text.length) {
    if (!TERMINALS.has(text[i]!)) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && TERMINALS.has(text[j]!)) j++;
    const quoted = j < text.length && QUOTES.has(text[j]!);
    while (j < text.length && CLOSERS.has(text[j]!)) j++;
    if (quoted) {
      // A closing quote, or a stray opening one printed in its place ("超级棉种”。“杨作仁介绍。").
      const from = j < text.length && QUOTES.has(text[j]!) && !CLOSERS.has(text[j]!) ? j + 1 : j;
      const end = attributionEnd(text, from);
      if (end !== undefined) j = end;
    }
    while (j < text.length && /\s/.test(text[j]!)) j++;
    out.push(text.slice(start, j));
    start = j;
    i = j;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
