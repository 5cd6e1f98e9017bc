/**
 * Parses a delivery time as readers type it — 7:30, 07:30, 7：30, 7点30, 7点半, 8点, 早上7点, 晚上8点, 七点半 —
 * into `HH:MM` on the paper's clock. Anything that looks like a time but is not one (25:00, 7:75)
 * gets a Chinese reason the bot can show as is.
 */

export type ParsedTime = { ok: true; time: string } | { ok: false; reason: string };

const CN_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** 七 → 7, 十 → 10, 十二 → 12, 二十三 → 23, 三十 → 30; digits pass through. */
function toNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二两三四五六七八九])?(十)?([零〇一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return undefined;
  const [, tens, ten, ones] = m;
  if (!ten) return tens === undefined && ones !== undefined ? CN_DIGITS[ones] : tens !== undefined && ones === undefined ? CN_DIGITS[tens] : undefined;
  return (tens !== undefined ? CN_DIGITS[tens]! : 1) * 10 + (ones !== undefined ? CN_DIGITS[ones]! : 0);
}

const NUM = '(\\d{1,2}|[零〇一二两三四五六七八九十]{1,3})';
// Half-day words shift the hour the way readers mean it: 下午3点 is 15:00, 晚上12点 is midnight.
const PERIOD = '(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上)?';
const COLON = new RegExp(`^${PERIOD}(\\d{1,2})[:：](\\d{2})$`);
const CHINESE = new RegExp(`^${PERIOD}${NUM}[点時时](?:(半)|${NUM}分?)?$`);

/** True when `text` is meant as a time (so `/subscribe 25:00` is an error, not a keyword filter). */
export function looksLikeTime(text: string): boolean {
  const t = text.trim();
  return /^\d{1,2}[:：]\d{1,2}$/.test(t) || COLON.test(t) || CHINESE.test(t) || /^\d{1,2}[点时]/.test(t);
}

export function parseDeliveryTime(text: string): ParsedTime {
  const t = text.trim().replace(/\s+/g, '');
  let period: string | undefined;
  let hour: number | undefined;
  let minute: number | undefined;
  const colon = COLON.exec(t);
  const chinese = colon ? null : CHINESE.exec(t);
  if (colon) {
    period = colon[1];
    hour = Number(colon[2]);
    minute = Number(colon[3]);
  } else if (chinese) {
    period = chinese[1];
    hour = toNumber(chinese[2]!);
    minute = chinese[3] ? 30 : chinese[4] !== undefined ? toNumber(chinese[4]) : 0;
  }
  const example = '例如 07:30、7点半 或 8点';
  if (hour === undefined || minute === undefined) {
    return { ok: false, reason: `没看懂时间“${text.trim()}”。请写成 0:00–23:59 之间的时间，${example}。` };
  }
  if (period === '下午' || period === '傍晚' || period === '晚上') {
    if (hour >= 1 && hour <= 11) hour += 12;
    else if (hour === 12 && period === '晚上') hour = 0;
  } else if (period === '中午' && hour >= 1 && hour <= 2) {
    hour += 12;
  } else if ((period === '凌晨' || period === '早上' || period === '早晨' || period === '上午') && hour > 12) {
    return { ok: false, reason: `“${text.trim()}”自相矛盾：${period}没有 ${hour} 点。请换一种写法，${example}。` };
  }
  if (hour > 23) {
    return { ok: false, reason: `一天没有 ${hour} 点：请用 0:00–23:59 之间的时间，${example}。` };
  }
  if (minute > 59) {
    return { ok: false, reason: `一小时只有 60 分钟，“${text.trim()}”里的 ${minute} 分不存在。请用 0:00–23:59 之间的时间，${example}。` };
  }
  return { ok: true, time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

/** `HH:MM` → minutes after midnight. */
export function minutesOfTime(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}
