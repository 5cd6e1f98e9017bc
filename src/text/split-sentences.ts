/** Characters that end a Chinese sentence (half-width forms too, for text that was not normalised). */
const TERMINALS = new Set(['。', '！', '？', '；', '…', '!', '?', ';']);
/** Closing quotes and brackets that belong to the sentence they close: `他说：“好。”` is one sentence. */
const CLOSERS = new Set(['”', '’', '」', '』', '）', ')', '》', '〉', '】', '"', "'"]);

/**
 * Splits Chinese text into sentences after 。！？；… (and any closing quotes right after them).
 * Nothing is lost or added: `splitSentences(t).join('') === t` for every string, and whitespace
 * after a sentence end stays with that sentence.
 *
 * @example splitSentences('他说：“好。”我们走吧！') // ['他说：“好。”', '我们走吧！']
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
    while (j < text.length && CLOSERS.has(text[j]!)) j++;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    out.push(text.slice(start, j));
    start = j;
    i = j;
  }
  if (start < text.length) out.push(text.slice(start));
  return out;
}
