import * as OpenCC from 'opencc-js';
import { getJieba } from './tokenizer.js';

/** The two ways of writing Chinese a reader may prefer. */
export type Script = 'simplified' | 'traditional';

type Convert = (text: string) => string;
let toTraditionalConverter: Convert | undefined;
let toSimplifiedConverter: Convert | undefined;

// Taiwan-standard variants ('cn' ↔ 'tw'): a character becomes one character, so a message's length, its HTML tags
// (ASCII) and its entities stay as they were. Built on first use, never on import.
const traditional = (text: string) => (toTraditionalConverter ??= OpenCC.Converter({ from: 'cn', to: 'tw' }))(text);

/** A numeral before 台 makes it the measure word (87台风力发电机组: 87 臺 風力), never the start of 台风 (颱風). */
const MEASURE_TAI = /(?<=[0-9０-９一二两三四五六七八九十百千万几数多])台/gu;
/** Surnames OpenCC turns into another character when they stand alone (余 → 餘, 于 → 於). */
const AMBIGUOUS_SURNAMES = new Set(['余', '于']);

/**
 * One run of Chinese characters in traditional characters, word by word: OpenCC matches its phrases across word
 * boundaries (87台风力 → 87颱風力) and maps a lone character by its commonest use (征程 → 徵程 inside 新征程), so each
 * jieba word is converted on its own. A name jieba does not know (tag `x`) keeps an ambiguous surname (余再兴, 于萍).
 */
function traditionalRun(run: string, before: string | undefined): string {
  const jieba = getJieba();
  // The run starts after the digits of 87台: the numeral is outside it.
  const afterDigit = before !== undefined && /[0-9０-９]/u.test(before) && run.startsWith('台');
  let out = afterDigit ? '臺' : '';
  const rest = afterDigit ? run.slice(1) : run;
  let firstPart = true;
  for (const part of rest.split(MEASURE_TAI)) {
    if (!firstPart) out += '臺';
    firstPart = false;
    for (const { word, tag } of jieba.tag(part, true)) {
      const first = word[0]!;
      const keepSurname = tag === 'x' && word.length >= 2 && word.length <= 4 && AMBIGUOUS_SURNAMES.has(first);
      out += keepSurname ? first + traditional(word.slice(1)) : traditional(word);
    }
  }
  // jieba keeps every character; should a future version not, the whole run converted at once is the safe answer.
  return out.length === run.length ? out : traditional(run);
}

const HAN_RUN = /\p{Script=Han}+/gu;
const traditionalText = (text: string) => text.replace(HAN_RUN, (run: string, at: number) => traditionalRun(run, text[at - 1]));
const simplified = (text: string) => (toSimplifiedConverter ??= OpenCC.Converter({ from: 'tw', to: 'cn' }))(text);

/**
 * Writes `text` in `script`. HTML passes through unchanged apart from its Chinese characters (tags, entities and
 * URLs are ASCII), so highlighted terms stay highlighted.
 *
 * @example toScript('<b>冬小麦</b>', 'traditional') // '<b>冬小麥</b>'
 */
export function toScript(text: string, script: Script): string {
  return script === 'traditional' ? traditionalText(text) : text;
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
