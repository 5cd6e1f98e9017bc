import type { Unit } from './unit.js';

/** A headline group as printed: 引题 (kicker), 主题 (title), 副题 (subtitle), and a byline under it. */
export interface HeadlineGroup {
  kicker?: string;
  title: string;
  subtitle?: string;
  byline?: string;
  /** Markdown level of the title line (0 for plain text): deeper headings inside the article are subheads. */
  titleLevel: number;
  /** The units the group was read from. */
  units: Unit[];
}

/**
 * The name of an organisation or place standing alone, e.g. `昌吉州检验检测中心特检所`: such a line is
 * the subject of the line below it (`举办岗位大练兵技术比武活动`), one headline set on two lines.
 * It names a place first (`昌吉…`, `…州`, `…县`) and ends with an institution; a slogan such as
 * `新春新气象好开局` does neither. A bare county or city name (`昌吉市`) is too short to tell and is
 * read as a place kicker.
 */
const SUBJECT_LINE =
  /^[\u4e00-\u9fff\d]{5,16}(?:所|局|中心|基地|公司|集团|学校|大学|学院|医院|站|厂|社|队|协会|商会|委员会|委|院|馆|园区|合作社|村|镇|乡|街道|社区|县|市|州|部|厅|处|团|办)$/u;
const PLACE_FIRST = /^(?:昌吉|新疆|中国|全国|国家|自治区|自治州|[\u4e00-\u9fff]{1,5}?(?:省|州|县|市|区|镇|乡|村))/u;

const isTitleLine = (u: Unit) => u.kind === 'heading' || u.kind === 'headline';

/**
 * Reads kicker, title, subtitle and byline from the units of one headline group.
 * - `——…` lines are the subtitle; □ lines the byline.
 * - In markdown, the `#` lines are the headline: plain lines above them are the kicker, plain lines
 *   below them the subtitle (`## 让学习成为一种生活方式` / `2024年…活动周启动`).
 * - Otherwise the last title line before the subtitle/byline is the title and the lines above it the
 *   kicker; a column name printed after the byline (`高质量发展看昌吉`) joins the kicker.
 * Returns undefined when the units hold no title line.
 */
export function parseHeadlineGroup(units: readonly Unit[]): HeadlineGroup | undefined {
  const firstByline = units.findIndex((u) => u.kind === 'byline');
  const firstSubtitle = units.findIndex((u) => u.kind === 'subtitle');
  const bylines = units.filter((u) => u.kind === 'byline').map((u) => u.text);
  const subtitles = units.filter((u) => u.kind === 'subtitle').map((u) => u.text);

  const main: Unit[] = [];
  const afterByline: Unit[] = [];
  units.forEach((u, i) => {
    if (!isTitleLine(u)) return;
    if (firstByline !== -1 && i > firstByline && main.length > 0) afterByline.push(u);
    else main.push(u);
  });
  if (main.length === 0) return undefined;

  let kicker: Unit[] = [];
  let titleUnits: Unit[];
  const plainBelow: Unit[] = [];
  const marked = main.filter((u) => u.level > 0);
  if (marked.length > 0 && marked.length < main.length) {
    const firstMarked = main.indexOf(marked[0]!);
    const lastMarked = main.indexOf(marked[marked.length - 1]!);
    kicker = main.slice(0, firstMarked).concat(marked.slice(0, -1));
    titleUnits = [marked[marked.length - 1]!];
    plainBelow.push(...main.slice(lastMarked + 1));
    // Plain lines between heading lines belong to the kicker.
    kicker.push(...main.slice(firstMarked, lastMarked).filter((u) => u.level === 0 && !kicker.includes(u)));
  } else {
    const endIndex = firstSubtitle === -1 ? Infinity : firstSubtitle;
    const before = main.filter((u) => units.indexOf(u) < endIndex);
    const after = main.filter((u) => units.indexOf(u) >= endIndex);
    const pool = before.length > 0 ? before : after;
    titleUnits = [pool[pool.length - 1]!];
    kicker = pool.slice(0, -1);
    if (pool === before) kicker.push(...after);
  }
  // One headline printed on two lines: `昌吉州检验检测中心特检所` + `举办岗位大练兵技术比武活动`.
  const prev = kicker[kicker.length - 1];
  if (prev && prev.level === titleUnits[0]!.level && SUBJECT_LINE.test(prev.text) && PLACE_FIRST.test(prev.text) && units.indexOf(prev) === units.indexOf(titleUnits[0]!) - 1) {
    titleUnits = [prev, ...titleUnits];
    kicker = kicker.slice(0, -1);
  }

  const kickerText = [...kicker, ...afterByline].map((u) => u.text).join(' ');
  const subtitleText = [...subtitles, ...plainBelow.map((u) => u.text)].join(' ');
  return {
    ...(kickerText ? { kicker: kickerText } : {}),
    title: titleUnits.map((u) => u.text).join(''),
    ...(subtitleText ? { subtitle: subtitleText } : {}),
    ...(bylines.length ? { byline: bylines.join(' ') } : {}),
    titleLevel: titleUnits[0]!.level,
    units: [...units],
  };
}
