/**
 * Display cleaning for Chinese newspaper text as it comes out of page extraction and OCR:
 * hard-wrapped lines, stray spaces inside words, markdown bold and HTML tags, half-width punctuation.
 * Every function here keeps the characters a reader sees; only layout noise goes.
 */


import { stripHtml } from './strip-html.js';
const HAN = /\p{Script=Han}/u;
/** Full-width punctuation that never takes a space next to it in Chinese typesetting. */
const CJK_PUNCT = '，。、；：？！“”‘’（）《》〈〉【】「」『』…—·～';

/** True for a Chinese character (any Han ideograph). */
export function isHan(ch: string | undefined): boolean {
  return ch !== undefined && HAN.test(ch);
}

function isCjkPunct(ch: string | undefined): boolean {
  return ch !== undefined && CJK_PUNCT.includes(ch);
}

function isCjk(ch: string | undefined): boolean {
  return isHan(ch) || isCjkPunct(ch);
}

function isAsciiAlnum(ch: string | undefined): boolean {
  return ch !== undefined && /^[A-Za-z0-9]$/.test(ch);
}

function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

/**
 * How wide a string prints in a Chinese column: ASCII counts half a character, everything else one.
 * Used to recognise hard-wrapped columns, whose lines all fill (nearly) the same width.
 *
 * @example displayWidth('康。2024年') === 4
 */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) < 0x80 ? 0.5 : 1;
  return w;
}

/**
 * Removes a byte-order mark and turns CRLF / CR line ends into LF.
 *
 * @example normalizeNewlines('\uFEFFa\r\nb') === 'a\nb'
 */
export function normalizeNewlines(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/**
 * Strips inline markup but keeps its text: HTML tags (`PM<sub>2.5</sub>` → `PM2.5`), a few entities,
 * and markdown bold/italic markers (`**本报讯**` → `本报讯`). Autolinks such as `<http://…>` are text, not tags.
 */
export function stripInlineMarkup(text: string): string {
  return stripHtml(text).replace(/\*\*|__/g, '');
}

/**
 * Joins the lines of one hard-wrapped paragraph: nothing between Chinese characters,
 * one space where two ASCII words would otherwise run together.
 *
 * @example joinWrappedLines(['特困人', '员救助']) === '特困人员救助'
 */
export function joinWrappedLines(lines: readonly string[]): string {
  let out = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (out !== '' && isAsciiAlnum(out[out.length - 1]) && isAsciiAlnum(line[0])) out += ' ';
    out += line;
  }
  return out;
}

/** Number of Han characters in a token. */
function hanCount(token: string): number {
  let n = 0;
  for (const ch of token) if (isHan(ch)) n++;
  return n;
}

/**
 * Removes spaces that are layout noise and keeps the ones a typesetter meant:
 * - OCR spaces inside words: `特困人 员 基 本 生 活` → `特困人员基本生活` (a space next to a lone
 *   Chinese character goes, as in a spaced name `赵 阳`; one between two phrases such as
 *   `高标准建设 高科技护航` or after `文/图` stays);
 * - spaces between Chinese and digits: `完善 30 个` → `完善30个`;
 * - spaces next to full-width punctuation;
 * - ASCII words keep their spaces (`单位 and 科技`, `ω-force`).
 */
export function fixSpacing(text: string): string {
  const collapsed = text.replace(/[\s\u3000\u00a0]+/g, ' ').trim();
  const tokens = collapsed.split(' ');
  let out = tokens[0] ?? '';
  for (let i = 1; i < tokens.length; i++) {
    // Judge each space by the tokens as printed, not by what earlier joins produced.
    const left = tokens[i - 1]!;
    const right = tokens[i]!;
    const a = [...left].pop();
    const b = [...right][0];
    let drop = false;
    if (isCjkPunct(a) || isCjkPunct(b)) drop = true;
    else if ((isCjk(a) && isDigit(b)) || (isDigit(a) && isCjk(b))) drop = true;
    else if (isHan(a) && isHan(b) && (hanCount(left) === 1 || hanCount(right) === 1)) drop = true;
    // A digit followed by a unit character after a space (`5 辆`, `33.6 亿`) is covered above;
    // a percentage or decimal split by OCR (`20.32 %`) also joins.
    else if (isDigit(a) && (b === '%' || b === '％')) drop = true;
    out = drop ? out + right : `${out} ${right}`;
  }
  return out;
}

const HALF_TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '!': '！', '?': '？', '(': '（', ')': '）' };

/**
 * Turns half-width punctuation used inside Chinese text into its full-width form
 * (`报道:11月4日,培训` → `报道：11月4日，培训`). Punctuation between ASCII characters (`1,000`, `10:30`) stays.
 */
export function fullWidthPunctuation(text: string): string {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const full = HALF_TO_FULL[ch];
    if (full === undefined) continue;
    // Only punctuation touching Chinese text changes; `1,000` and `10:30` keep theirs.
    if (isCjk(chars[i - 1]) || isCjk(chars[i + 1])) chars[i] = full;
  }
  return chars.join('');
}

/**
 * Full display cleaning of one paragraph (possibly hard-wrapped over several lines):
 * BOM/CRLF, inline markup, line joining, spacing, punctuation width.
 *
 * @example cleanText('特困人 员 基 本 生\n活 完善 30 个') === '特困人员基本生活完善30个'
 * @example cleanText('PM<sub>2.5</sub>平均浓度') === 'PM2.5平均浓度'
 */
export function cleanText(text: string): string {
  const lines = normalizeNewlines(text).split('\n').map(stripInlineMarkup);
  return fixSpacing(fullWidthPunctuation(joinWrappedLines(lines)));
}
