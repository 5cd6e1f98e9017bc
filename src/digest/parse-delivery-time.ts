/**
 * Parses a delivery time as readers type it — 7:30, 07:30, 7：30, ７：３０, 7点30, 7点半, 8点一刻, 8点, 早上7点,
 * 上午8点, 晚上8点半, 晚8点, 七点半, 8am, 8:00am, 8 p.m. — into `HH:MM` on the paper's clock. Anything that looks
 * like a time but is not one (25:00, 7:75, 13pm, 早上15点) gets a Chinese reason the bot can show as is.
 */

export type ParsedTime = { ok: true; time: string } | { ok: false; reason: string };

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 七 → 7, 十 → 10, 十二 → 12, 二十三 → 23, 三十 → 30; digits pass through. */
function toNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([零〇一二两三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens === undefined && ones !== undefined ? CN_DIGITS[ones] : tens !== undefined && ones === undefined ? CN_DIGITS[tens] : undefined;
  return (tens !== undefined ? CN_DIGITS[tens]! : 1) * 10 + (ones !== undefined ? CN_DIGITS[ones]! : 0);
}

const CN_NUM = '[零〇一二两三四五六七八九十]{1,3}';
const NUM = `(?:\\d{1,2}|${CN_NUM})`;
/** Half-day words, longest first (早上 before 早). They shift the hour the way readers mean it: 下午3点 is 15:00. */
const PERIODS = ['凌晨', '早上', '早晨', '清晨', '上午', '中午', '下午', '傍晚', '晚上', '夜里', '早', '晚'] as const;
type Period = (typeof PERIODS)[number];
const MORNING = new Set<string>(['凌晨', '早上', '早晨', '清晨', '上午', '早']);
const EVENING = new Set<string>(['下午', '傍晚', '晚上', '夜里', '晚']);
// Not followed by a letter or digit, so PM2.5 after a time stays a keyword.
const AMPM = '(?<ampm>[ap])\\.?\\s*m\\.?(?![a-z\\d])';

/**
 * One time expression, unanchored, on NFKC-normalised text. Forms: `7:30` (also `7:3`, caught as an
 * error), `8am`/`8.30pm`/`8:00 a.m.`, and `7点`/`7点半`/`7点30分`/`8点一刻`/`七点`, each with an optional
 * half-day word before it. Minutes in Chinese numerals need 分 or the end of the word, so 8点三农 is 8点 + 三农. The lookbehind keeps `2024:11` or `第3点` from being read as times.
 */
const TIME_SOURCE = [
  `(?<period>${PERIODS.join('|')})?\\s*`,
  '(?<![\\d:.第])',
  '(?:',
  `(?<colonH>\\d{1,2})\\s*:\\s*(?<colonM>\\d{1,2})(?!\\d)(?:\\s*${AMPM})?`,
  `|(?<dotH>\\d{1,2})\\.(?<dotM>\\d{2})\\s*${AMPM.replace('ampm', 'dotAmpm')}`,
  `|(?<bareH>\\d{1,2})\\s*${AMPM.replace('ampm', 'bareAmpm')}`,
  `|(?<cnH>${NUM})\\s*[点點时時](?:(?<half>半)|(?<quarter>[一三])刻|(?<cnM>\\d{1,2}|${CN_NUM}(?=\\s*分|\\s|$))\\s*分?)?(?:钟|鐘|整)?`,
  ')',
].join('');

function timeRegex(flags: string): RegExp {
  return new RegExp(TIME_SOURCE, `iu${flags}`);
}
const WHOLE = new RegExp(`^(?:${TIME_SOURCE})$`, 'iu');

/** A bare hour (`/subscribe 8`): nobody filters a daily paper by the number 8. */
const BARE_HOUR = /^\d{1,2}$/;

/** The reader's text as the parsers see it: NFKC (full-width ７：３０ → 7:30, ８ａｍ → 8am), one space at most. */
export function normaliseInput(text: string): string {
  return text.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** True when `text` as a whole is meant as a time (so `/subscribe 25:00` is an error, not a keyword filter). */
export function looksLikeTime(text: string): boolean {
  const t = normaliseInput(text);
  return WHOLE.test(t) || BARE_HOUR.test(t);
}

const EXAMPLE = '例如 07:30、7点半、晚上8点 或 8am';

/**
 * `text` as one delivery time, or a Chinese reason why it is not one.
 *
 * @example parseDeliveryTime('晚上8点半') // → { ok: true, time: '20:30' }
 * @example parseDeliveryTime('８ａｍ') // → { ok: true, time: '08:00' }
 */
export function parseDeliveryTime(text: string): ParsedTime {
  const shown = text.trim();
  const t = normaliseInput(text);
  const m = BARE_HOUR.test(t) ? null : WHOLE.exec(t);
  const g = m?.groups ?? {};
  let hour: number | undefined;
  let minute: number | undefined;
  if (BARE_HOUR.test(t)) {
    hour = Number(t);
    minute = 0;
  } else if (g.colonH !== undefined) {
    hour = Number(g.colonH);
    minute = g.colonM!.length === 2 ? Number(g.colonM) : undefined;
  } else if (g.dotH !== undefined) {
    hour = Number(g.dotH);
    minute = Number(g.dotM);
  } else if (g.bareH !== undefined) {
    hour = Number(g.bareH);
    minute = 0;
  } else if (g.cnH !== undefined) {
    hour = toNumber(g.cnH);
    minute = g.half ? 30 : g.quarter ? (g.quarter === '一' ? 15 : 45) : g.cnM !== undefined ? toNumber(g.cnM) : 0;
  }
  if (hour === undefined || minute === undefined) {
    return { ok: false, reason: `没看懂时间“${shown}”。请写成 0:00–23:59 之间的时间，${EXAMPLE}。` };
  }
  const period = g.period as Period | undefined;
  const ampm = (g.ampm ?? g.dotAmpm ?? g.bareAmpm)?.toLowerCase() as 'a' | 'p' | undefined;
  if (period !== undefined && ampm !== undefined && MORNING.has(period) !== (ampm === 'a')) {
    return { ok: false, reason: `“${shown}”自相矛盾：${period}和 ${ampm === 'a' ? 'am' : 'pm'} 说的不是同一个半天。请换一种写法，${EXAMPLE}。` };
  }
  if (ampm !== undefined) {
    if (hour < 1 || hour > 12) {
      return { ok: false, reason: `“${shown}”不是有效的时间：am/pm 前面的钟点应在 1 到 12 之间。请换一种写法，${EXAMPLE}。` };
    }
    // 12am is midnight, 12pm noon.
    hour = ampm === 'a' ? hour % 12 : (hour % 12) + 12;
  } else if (period !== undefined && EVENING.has(period)) {
    if (hour >= 1 && hour <= 11) hour += 12;
    else if (hour === 12 && period !== '下午') hour = 0;
  } else if (period === '中午' && hour >= 1 && hour <= 2) {
    hour += 12;
  } else if (period !== undefined && MORNING.has(period)) {
    if (hour > 12) return { ok: false, reason: `“${shown}”自相矛盾：${period}没有 ${hour} 点。请换一种写法，${EXAMPLE}。` };
    if (hour === 12 && period === '凌晨') hour = 0;
  }
  if (hour > 23) {
    return { ok: false, reason: `一天没有 ${hour} 点：请用 0:00–23:59 之间的时间，${EXAMPLE}。` };
  }
  if (minute > 59) {
    return { ok: false, reason: `一小时只有 60 分钟，“${shown}”里的 ${minute} 分不存在。请用 0:00–23:59 之间的时间，${EXAMPLE}。` };
  }
  return { ok: true, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/** A time found in a longer text: what was parsed, and the text with the time cut out. */
export interface TimeInText {
  /** Undefined when the text names no time. */
  time?: ParsedTime;
  /** The rest of the text (NFKC-normalised, spaces collapsed): the keyword, if any. */
  rest: string;
}

/**
 * Finds the delivery time in `/subscribe`'s argument, whether or not a space separates it from the keyword:
 * `7:30农业`, `农业 晚上8点`, `8am 农业`. The rest is the keyword. Times written only in Chinese numerals
 * without a half-day word (七点半) count only as a whole word, so 一点一滴 stays a keyword. Two times, or a time
 * that does not exist (25:00), come back as `ok: false` with a reason to show the reader.
 *
 * @example extractDeliveryTime('７：３０农业') // → { time: { ok: true, time: '07:30' }, rest: '农业' }
 */
export function extractDeliveryTime(text: string): TimeInText {
  const t = normaliseInput(text);
  if (looksLikeTime(t)) return { time: parseDeliveryTime(t), rest: '' };
  const found: { text: string; index: number }[] = [];
  for (const m of t.matchAll(timeRegex('g'))) {
    const g = m.groups ?? {};
    const matched = m[0].trim();
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = start + matched.length;
    const wholeWord = (start === 0 || t[start - 1] === ' ') && (end === t.length || t[end] === ' ');
    const arabic = g.cnH === undefined || /\d/.test(g.cnH);
    const explicit = arabic || g.period !== undefined || g.half !== undefined || g.quarter !== undefined || matched.endsWith('分');
    if (!wholeWord && !explicit) continue;
    found.push({ text: matched, index: start });
  }
  // A bare hour as its own word next to a keyword (`/subscribe 8 农业`).
  const words = t.split(' ');
  if (found.length === 0 && words.length > 1) {
    const hourWord = words.findIndex((w) => BARE_HOUR.test(w));
    if (hourWord !== -1 && words.filter((w) => BARE_HOUR.test(w)).length === 1) {
      return { time: parseDeliveryTime(words[hourWord]!), rest: words.filter((_, i) => i !== hourWord).join(' ') };
    }
  }
  if (found.length === 0) return { rest: t };
  if (found.length > 1) {
    return {
      time: { ok: false, reason: `一次只能设置一个推送时间，这里有 ${found.map((f) => `“${f.text}”`).join('、')}。请只写一个，${EXAMPLE}。` },
      rest: t,
    };
  }
  const only = found[0]!;
  const rest = `${t.slice(0, only.index)} ${t.slice(only.index + only.text.length)}`.replace(/\s+/g, ' ').trim();
  return { time: parseDeliveryTime(only.text), rest };
}

/** `HH:MM` → minutes after midnight. */
export function minutesOfTime(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
