import * as OpenCC from 'opencc-js';

/** The two ways of writing Chinese a reader may prefer. */
export type Script = 'simplified' | 'traditional';

type Convert = (text: string) => string;
let toTraditionalConverter: Convert | undefined;
let toSimplifiedConverter: Convert | undefined;

// Character-level Taiwan-standard variants ('cn' ↔ 'tw', no phrase rewriting): a character becomes one character,
// so a message's length, its HTML tags (ASCII) and its entities stay as they were. Built on first use, never on import.
const traditional = (text: string) => (toTraditionalConverter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);
const simplified = (text: string) => (toSimplifiedConverter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(text);

/**
 * Writes `text` in `script`. HTML passes through unchanged apart from its Chinese characters (tags, entities and
 * URLs are ASCII), so highlighted terms stay highlighted.
 *
 * @example toScript('<b>冬小麦</b>', 'traditional') // '<b>冬小麥</b>'
 */
export function toScript(text: string, script: Script): string {
  return script === 'traditional' ? traditional(text) : text;
}

/**
 * The script a text is written in, judged by the characters that differ between the two: those only traditional
 * writing uses against those only simplified writing uses. Undefined when it cannot tell (no such character, a tie).
 *
 * @example guessScript('木壘縣有多少畝冬小麥') // 'traditional'
 * @example guessScript('你好') // undefined: written the same in both
 */
export function guessScript(text: string): Script | undefined {
  const han = text.match(/\p{Script=Han}/gu) ?? [];
  if (han.length === 0) return undefined;
  let onlyTraditional = 0;
  let onlySimplified = 0;
  for (const ch of new Set(han)) {
    const toS = simplified(ch) !== ch;
    const toT = traditional(ch) !== ch;
    // A character both converters change (么: 幺 one way, 麼 the other) tells nothing.
    if (toS && !toT) onlyTraditional++;
    else if (toT && !toS) onlySimplified++;
  }
  if (onlyTraditional > onlySimplified) return 'traditional';
  if (onlySimplified > onlyTraditional) return 'simplified';
  return undefined;
}
