import { normalizeForMatch } from '../text/normalize-for-match.js';
import type { AnswerKind } from './analyze-question.js';
import type { Answer } from './types.js';

/**
 * The plain Chinese words for a `related` or `none` outcome, shared by the bot (which escapes them),
 * inline mode and `npm run ask`. They quote only whole content words: a reader once saw
 * 没有找到关于「做」的具体内容 and 「报道」, fragments of their own question that said nothing.
 */

/** Words that name no subject or fact of their own: quoting them tells the reader nothing. */
const GENERIC = new Set([
  '报道', '新闻', '消息', '内容', '情况', '信息', '文章', '事情', '问题', '相关', '有关', '报纸', '日报', '资料', '具体', '方面',
  '今天', '现在', '最近', '目前', '当前', '如今', '时候', '时间', '地方', '东西', '什么', '多少', '哪些', '怎么', '如何',
]);

/** What a question of each kind asks for, as the object of "没有一篇写明…". */
const FACT: Record<AnswerKind, { with: (attribute: string) => string; without: string }> = {
  quantity: { with: (a) => `${a}是多少`, without: '你问的具体数字' },
  date: { with: (a) => `${a}的时间`, without: '你问的具体时间' },
  duration: { with: (a) => `${a}用了多长时间`, without: '你问的时长' },
  person: { with: (a) => `${a}是谁`, without: '你问的是谁' },
  organisation: { with: (a) => `${a}是哪个单位`, without: '你问的是哪个单位' },
  place: { with: (a) => `${a}在哪里`, without: '你问的具体地点' },
  reason: { with: (a) => `${a}的原因`, without: '你问的原因' },
  method: { with: (a) => `${a}的做法`, without: '你问的具体做法' },
  yesno: { with: (a) => `有关${a}的确切说法`, without: '你问的这一点' },
  other: { with: (a) => `${a}的具体内容`, without: '你问的这一点' },
};

/** Whether a word is worth quoting back: two characters or more, a letter or Han character, not generic. */
function isContentWord(word: string): boolean {
  return Array.from(word).length >= 2 && /[\p{Script=Han}\p{L}]/u.test(word) && !GENERIC.has(normalizeForMatch(word));
}

/**
 * The subject of a question as whole content words, at most `max`: the words bolded in the first
 * results (whole words of the paper, see highlightsIn) that the reader also wrote, longest first,
 * other than the attribute asked about. Empty when none qualifies.
 */
export function subjectWords(answer: Pick<Answer, 'query' | 'results' | 'asks'>, max = 2): string[] {
  const question = normalizeForMatch(answer.query);
  const attribute = new Set((answer.asks?.attribute ?? []).map(normalizeForMatch));
  const out: string[] = [];
  for (const r of answer.results.slice(0, 3)) {
    for (const h of r.highlights) {
      const norm = normalizeForMatch(h);
      if (!question.includes(norm) || attribute.has(norm) || !isContentWord(h)) continue;
      // A word inside one already chosen (水库 of 石门子水库) names nothing more.
      if (out.some((w) => normalizeForMatch(w).includes(norm))) continue;
      out.push(h);
    }
  }
  return out.sort((a, b) => b.length - a.length).slice(0, max);
}

/** `「a」「b」`: how the words are quoted back. */
function quoted(words: readonly string[]): string {
  return words.map((w) => `「${w}」`).join('');
}

/**
 * The plain words for a `related` outcome: the archive has reports on the subject, but none gives
 * the fact asked. "报纸上有关于「石门子水库」的报道，但没有一篇写明「电话」是多少。"
 */
export function relatedLead(answer: Pick<Answer, 'query' | 'results' | 'asks'>): string {
  const subject = subjectWords(answer);
  const fact = answer.asks?.fact;
  const attribute = fact !== undefined && isContentWord(fact) && !subject.includes(fact) ? fact : undefined;
  const phrase = FACT[answer.asks?.kind ?? 'other'];
  const what = attribute !== undefined ? phrase.with(`「${attribute}」`) : phrase.without;
  const about = subject.length > 0 ? `有关于${quoted(subject)}的报道` : '有相关的报道';
  return `报纸上${about}，但没有一篇写明${what}。`;
}

/** Questions up to this long are quoted back whole when nothing matches; a longer one is "这个问题". */
const MAX_QUOTED_QUESTION = 20;

/**
 * The plain words for a `none` outcome: the archive does not hold it. The reader's whole question is
 * quoted back when it is short and has content; never a piece of it.
 */
export function noneLead(question: string): string {
  const q = question.trim();
  const quotable = Array.from(q).length <= MAX_QUOTED_QUESTION && Array.from(q.replace(/[^\p{Script=Han}\p{L}\p{N}]/gu, '')).length >= 2;
  return `抱歉，资料库里没有找到与${quotable ? `「${q}」` : '这个问题'}相关的报道。`;
}

/** What to try after a `none` outcome, in one line. */
export const NONE_ADVICE = '可以换个说法，或只留下关键的名称（地名、单位、事件）再试';
