import { displayWidth } from '../text/clean-text.js';

/**
 * Small predicates over one line or paragraph of newspaper text, shared by the unit reader and
 * the classifier. They work on text whose inline markup is already stripped.
 */

const SENTENCE_END = /[。！？!?…；;][”’」』）)》"']*$/u;

/** Ends like a finished sentence (or a lead-in ending in ——), so the next line starts something new. */
export function endsSentence(text: string): boolean {
  const t = text.trim();
  return SENTENCE_END.test(t) || /——$/.test(t);
}

/** Removes balanced quoted or bracketed spans, whose punctuation says nothing about the sentence around them. */
function withoutQuoted(text: string): string {
  let t = text;
  for (let k = 0; k < 3; k++) t = t.replace(/“[^“”]*”|《[^《》]*》|（[^（）]*）|\([^()]*\)|‘[^‘’]*’/g, '');
  return t;
}

/** Has clause punctuation outside quotes: `积极打造“红色` yes, `践行“民政为民、民政爱民”理念` no. */
export function hasInnerPunct(text: string): boolean {
  return /[，、；：,;:]/.test(withoutQuoted(text));
}

/** Opens a quote or bracket it does not close: the sentence runs on to the next line. */
export function opensUnclosed(text: string): boolean {
  const count = (re: RegExp) => (text.match(re) ?? []).length;
  return count(/“/g) > count(/”/g) || count(/《/g) > count(/》/g) || count(/（/g) > count(/）/g) || count(/\(/g) > count(/\)/g);
}

/** Starts with the tail of a word broken off the previous line: `众。一年来…`, `员，…`. */
export function startsWithFragment(text: string): boolean {
  const t = text.trim();
  return /^[^\s“‘《（(「『【]{1,2}[。！？；、）)》”’」』]/u.test(t) || /^[^\s“‘《（(「『【\d][，,]/u.test(t);
}

/** Short enough and free of sentence punctuation to be a headline, kicker or subhead. */
export function isHeadlineShaped(text: string): boolean {
  const t = text.trim();
  return t !== '' && displayWidth(t) <= 40 && !/[。！？!?]/.test(t) && !endsSentence(t) && !/[：:，,、]$/.test(t);
}

const BRACKETED_LINE = /^(?:【([^【】]+)】|〖([^〖〗]+)〗|\[([^[\]]+)\])$/u;

/**
 * The headline inside the brackets some pages print around a headline line (`【奇台县江布拉克景区冬季游启动】`,
 * `〖…〗`, `[…]`): the brackets are typography, like a `#`. Undefined for any other line, including
 * body text that merely opens with a bracketed label (`【记者手记】近年来…`).
 *
 * @example unbracketHeadline('【奇台县江布拉克景区冬季游启动】') === '奇台县江布拉克景区冬季游启动'
 */
export function unbracketHeadline(text: string): string | undefined {
  const m = BRACKETED_LINE.exec(text.trim());
  const inner = (m?.[1] ?? m?.[2] ?? m?.[3])?.trim();
  return inner !== undefined && /\p{Script=Han}/u.test(inner) && isHeadlineShaped(inner) ? inner : undefined;
}

/** A newspaper datelined lead: 本报讯, 新疆日报讯, 新华社北京11月6日电. */
export const LEAD_START = /^(?:本报讯|[\u4e00-\u9fff]{1,6}(?:报|网|社|台)讯|[\u4e00-\u9fff]{2,14}\d{1,2}月\d{1,2}日电(?![视话力网站商影子器脑车池]))/u;

/** A closing dateline in brackets: （新华社北京11月4日电）. */
export const SIGNOFF = /^[（(]([^（）()]{0,40}(?:电|讯|完))[）)]$/u;

/** A photo credit line: □本报记者 何龙摄, 本报记者 陶维明 摄, □李洋摄. */
export function isCreditLine(text: string): boolean {
  const t = text.trim();
  return displayWidth(t) <= 26 && /^[（(]?[□■]?\s*[^，。！？；,;□■（）()]{1,24}摄[）)]?$/u.test(t);
}

/** Splits `caption □赵 阳摄` (caption and credit on one line) into its parts. */
export function splitInlineCredit(text: string): { caption: string; credit: string } | undefined {
  const m = /^(.*[。！？”])\s*([□■][^□■。，！？]{1,24}摄|(?:本报记者|本报通讯员|记者|通讯员)[^。，！？]{1,20}摄)$/u.exec(text.trim());
  if (!m || displayWidth(m[1]!) < 8) return undefined;
  return { caption: m[1]!.trim(), credit: m[2]!.trim() };
}

/** A byline on its own line: □本报记者 杨鹤, □本报通讯员 白珂 杨淑花, 本报记者 王薇. */
export function isBylineLine(text: string): boolean {
  const t = text.trim();
  if (displayWidth(t) > 40 || endsSentence(t) || /摄$/.test(t)) return false;
  if (/^[□■]/.test(t)) return true;
  if (/^(?:文|图|文\/图|图\/文|文图|摄影)\s*[\/／:：]\s*\S/u.test(t) && !/[，。]/.test(t)) return true;
  return /^(?:本报记者|本报通讯员|新华社记者|本报特约记者|特约记者|实习记者|记者|通讯员)\s*[\u4e00-\u9fff·]{2,}(?:[\s、][\u4e00-\u9fff·]{2,})*$/u.test(t);
}

/** Lines that always start a new unit: nothing before them runs on into them. */
export function startsUnit(text: string): boolean {
  const t = text.trim();
  return /^[□■]/.test(t) || /^——/.test(t) || LEAD_START.test(t) || SIGNOFF.test(t) || isCreditLine(t);
}
