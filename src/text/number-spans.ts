/**
 * Where figures sit in a text, each with its magnitude and unit: "1.5万", "2.35亿立方米", "110米",
 * "30%", "3至5天", and a date or time read as one ("2024年11月5日", "10时30分"). An excerpt is never
 * cut inside one, and a highlight takes a figure whole or not at all: "35亿立方米" cut from
 * "2.35亿立方米", or a bold 27 without its 个, tells the reader something the paper did not print.
 */

// Longest first: a regex alternation takes the first alternative that matches (立方米 before 米).
const UNITS = [
  '平方公里', '平方千米', '个百分点', '万千瓦时', '平方米', '立方米', '千瓦时', '百分点', '万人次', '千瓦', '兆瓦', '公里', '千米', '厘米', '毫米',
  '公斤', '千克', '公顷', '小时', '分钟', '人次', '架次', '周岁', '余', '多', '元', '吨', '亩', '米', '岁', '倍', '个', '名', '户', '家', '天',
  '年', '月', '日', '号', '时', '分', '秒', '次', '人', '套', '台', '座', '所', '项', '条', '辆', '张', '本', '篇', '件', '位', '批', '场',
  '处', '只', '头', '棵', '株', '期', '届', '节', '种', '支', '间', '栋', '层', '架', '份', '箱', '斤', '度', '周', '季', '成', '%', '％', '‰',
  'km', 'kg', 'mm', 'cm',
].sort((a, b) => b.length - a.length);
const UNIT = `(?:${UNITS.join('|')})`;
// A comma groups thousands only (12,000): "第5，6名" is two figures.
const ARABIC = '[0-9０-９]+(?:[.．][0-9０-９]+|[,，][0-9０-９]{3}(?![0-9０-９]))*';
const HAN_DIGITS = '[〇零一二两三四五六七八九十百千]+';
/** A magnitude after the digits (1.5万, 2.35亿) and a "more than" (30余万, 9多). */
const MAGNITUDE = '(?:[余多])?(?:[十百千万亿]+)?';
const RANGE = '[至到~～—－\\-]';
// Arabic digits stand as a figure on their own; Chinese numerals only with a unit or magnitude
// (一 alone is the start of 一起, 一些 …), and 百分之… reads as one figure.
const FIGURE = new RegExp(
  [
    `百分之${HAN_DIGITS}(?:点${HAN_DIGITS})?`,
    `第?${ARABIC}${MAGNITUDE}(?:${UNIT})?(?:${RANGE}${ARABIC}${MAGNITUDE}(?:${UNIT})?)?`,
    `第?${HAN_DIGITS}(?:[万亿]+${UNIT}?|${UNIT})(?:${RANGE}${HAN_DIGITS}(?:[万亿]+${UNIT}?|${UNIT}))?`,
  ].join('|'),
  'gu',
);

/** A half-open range [start, end) of a text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * The figures of `text` as half-open spans, in order; figures that touch are one
 * ("2024年" "11月" "5日" → 2024年11月5日).
 * @example numberSpans('蓄水2.35亿立方米。') // [{ start: 2, end: 10 }]
 */
export function numberSpans(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(FIGURE)) {
    const start = m.index;
    const end = start + m[0].length;
    const last = out[out.length - 1];
    if (last !== undefined && last.end === start) last.end = end;
    else out.push({ start, end });
  }
  return out;
}

/** Whether a span holds a unit after its digits (a figure that says what it counts). */
export function hasUnit(text: string, span: Span): boolean {
  return /[^0-9０-９.．,，第]/u.test(text.slice(span.start, span.end));
}
