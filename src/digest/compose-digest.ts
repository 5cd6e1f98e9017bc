import type { Article, DateSource, Issue, IssueHead } from '../archive/model.js';
import { articleMatchesFilter, parseDigestFilter } from './digest-filter.js';
import { normalizeForMatch } from '../text/normalize-for-match.js';
import { numberSpans } from '../text/number-spans.js';
import { pairedSpans } from '../text/paired-spans.js';
import { splitSentences } from '../text/split-sentences.js';

/** One article line of a digest: headline, a one-sentence lead, and its topic/place tags. */
export interface DigestItem {
  articleId: string;
  title: string;
  lead: string;
  tags: string[];
}

/**
 * A digest as data, not HTML: the telegram side renders it (escaping, splitting, buttons),
 * the CLI and tests can read it as is.
 */
export interface Digest {
  paper: string;
  issueId: string;
  date: string;
  dateSource: DateSource;
  number?: number;
  weekday?: string;
  pageCount?: number;
  /** The subscription's topic/keyword filter, when the digest was narrowed by one. */
  filter?: string;
  items: DigestItem[];
  /** Articles in the whole issue, so a filtered digest can say "3 of 17". */
  issueArticles: number;
  /** "N年前的今天": what the paper printed on this calendar day in earlier years, newest first (when asked for). */
  onThisDay?: OnThisDayItem[];
}

/** One earlier year's issue in the "N年前的今天" section: its date and a few headlines. */
export interface OnThisDayItem {
  issueId: string;
  date: string;
  yearsAgo: number;
  titles: { articleId: string; title: string }[];
}

/** Headlines per earlier issue in the digest's "N年前的今天" section. */
const ON_THIS_DAY_TITLES = 3;

/** The "N年前的今天" section for a digest of an issue dated `date`, from the earlier issues of that calendar day. */
export function onThisDaySection(date: string, earlier: readonly IssueHead[]): OnThisDayItem[] {
  return earlier.map((issue) => ({
    issueId: issue.id,
    date: issue.date,
    yearsAgo: Number(date.slice(0, 4)) - Number(issue.date.slice(0, 4)),
    titles: issue.articles.filter((a) => a.title.trim() !== '').slice(0, ON_THIS_DAY_TITLES).map((a) => ({ articleId: a.id, title: a.title.trim() })),
  }));
}

const LEAD_MAX = 60;

/**
 * Builds the digest of `issue` for a subscription. With a filter, only matching articles are kept, and when none
 * match the result is undefined: a "nothing for you today" message would be noise, so nothing is sent.
 */
export function composeDigest(issue: Issue, options: { filter?: string; onThisDay?: readonly IssueHead[] } = {}): Digest | undefined {
  const filter = options.filter?.trim() || undefined;
  const articles = issue.articles.filter((a) => a.title.trim() !== '' && (filter === undefined || matchesFilter(a, filter)));
  if (articles.length === 0) return undefined;
  return {
    paper: issue.paper,
    issueId: issue.id,
    date: issue.date,
    dateSource: issue.dateSource,
    number: issue.number,
    weekday: issue.weekday,
    pageCount: issue.pageCount,
    filter,
    items: articles.map((a) => ({ articleId: a.id, title: a.title.trim(), lead: leadOf(a), tags: [...a.topics, ...a.places] })),
    issueArticles: issue.articles.length,
    ...(options.onThisDay !== undefined && options.onThisDay.length > 0 ? { onThisDay: onThisDaySection(issue.date, options.onThisDay) } : {}),
  };
}

/** Whether an article belongs in a digest filtered by `filter` (`农业 棉花 -广告`: see parseDigestFilter). */
export function matchesFilter(article: Article, filter: string): boolean {
  return articleMatchesFilter(article, parseDigestFilter(filter));
}

/**
 * The lead of a digest line: the first sentence of the body that carries a fact (after any dateline such as
 * 新华社北京11月6日电). Scene-setting openings ("一年之计在于春。", "水面开阔，碧波荡漾，青山环抱。") are skipped, and
 * so is a sentence that merely restates the headline (a photo caption printed again as its headline); when
 * nothing but such a sentence is left the lead is empty. A long sentence is cut at a clause boundary, never
 * inside a number or a Latin word.
 *
 * @example leadOf(article) // '3月4日，记者从州生态环境局获悉：PM2.5平均浓度为50微克/立方米…'
 */
export function leadOf(article: Article): string {
  const sentences = bodySentences(article);
  const headline = [article.kicker, article.title, article.subtitle].filter(Boolean).join(' ');
  const candidates = sentences.slice(0, LEAD_LOOKAHEAD).filter((s) => !restatesHeadline(s, article.title));
  const chosen =
    candidates.find((s) => carriesFacts(s, article, headline)) ??
    candidates.find((s) => [...s].length >= SCENE_MAX) ??
    (candidates.length > 0 ? candidates[0] : undefined);
  return chosen === undefined ? '' : shortenLead(chosen);
}

/** How many opening sentences leadOf looks through for one that carries a fact. */
const LEAD_LOOKAHEAD = 4;
/** A fact-free sentence shorter than this is a scene-setting opening, not a lead. */
const SCENE_MAX = 20;
/** A sentence may run this far past LEAD_MAX when that is what it takes to end at a clause boundary. */
const LEAD_HARD_MAX = 80;
/** A clause cut shorter than this says too little; look further instead. */
const LEAD_MIN = 16;

function bodySentences(article: Article): string[] {
  const out: string[] = [];
  const texts = article.paragraphs.some((p) => p.trim() !== '') ? article.paragraphs : article.captions;
  let first = true;
  for (const raw of texts) {
    let text = raw.trim();
    if (text === '') continue;
    if (first && article.dateline && text.startsWith(article.dateline)) text = text.slice(article.dateline.length);
    first = false;
    text = text.replace(/^[\s□■●◆　:：，,]+/, '');
    for (const s of splitSentences(text)) {
      const t = s.trim();
      if (t !== '') out.push(t);
    }
    if (out.length >= LEAD_LOOKAHEAD) break;
  }
  return out;
}

/** Characters that carry content: Han, letters, digits (punctuation, spaces and symbols dropped). */
function contentOf(text: string): string {
  return normalizeForMatch(text).replace(/[^\p{L}\p{N}]/gu, '');
}

/** Two-character Han runs, the cheapest stand-in for Chinese content words. */
function hanBigrams(text: string): Set<string> {
  const out = new Set<string>();
  for (const run of normalizeForMatch(text).match(/\p{Script=Han}{2,}/gu) ?? []) {
    const chars = [...run];
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/** A leading date or time ("3月12日，", "11月5日上午，") that a caption adds to the headline it repeats. */
const LEADING_WHEN = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日(?:[上下中]午|晚|早|凌晨|傍晚)?(?:\d{1,2}时(?:\d{1,2}分)?)?/;

/** True when `sentence` says no more than the headline: the headline itself, give or take a date and punctuation. */
function restatesHeadline(sentence: string, title: string): boolean {
  const t = contentOf(title);
  if ([...t].length < 6) return false;
  const s = contentOf(normalizeForMatch(sentence).replace(LEADING_WHEN, ''));
  if (s === t) return true;
  return s.includes(t) && [...s].length - [...t].length <= 4;
}

/** Numbers written in Chinese with a measure word: 十多名, 三百余户, 两万亩 (a lone 一, as in 一条, is no figure). */
const CHINESE_QUANTITY = /(?:[二两三四五六七八九十百千万亿]|一[十百千万亿])[一二两三四五六七八九十百千万亿]*[多余]?[名个家户亩人项次吨元座所]/u;

/**
 * A sentence carries a fact when it has a number or date, names one of the article's places, or shares a
 * content word with the headline (kicker, title, subtitle).
 */
function carriesFacts(sentence: string, article: Article, headline: string): boolean {
  if (/[0-9０-９]/.test(sentence)) return true;
  if (CHINESE_QUANTITY.test(sentence)) return true;
  const s = normalizeForMatch(sentence);
  if (article.places.some((place) => placeStems(place).some((stem) => s.includes(stem)))) return true;
  const words = hanBigrams(headline);
  for (const b of hanBigrams(sentence)) if (words.has(b)) return true;
  return false;
}

/** A place as it is written in running text: 木垒县 also as 木垒, 昌吉市 also as 昌吉. */
function placeStems(place: string): string[] {
  const p = normalizeForMatch(place);
  const stem = p.replace(/(?:哈萨克自治县|回族自治州|自治县|自治州|县|市|州|区)$/u, '');
  return [...stem].length >= 2 && stem !== p ? [p, stem] : [p];
}

/** Where a cut may fall: at a clause or sentence mark (not 、, which only separates the items of a list). */
const CLAUSE_END = /[，；：。！？,;:!?]/u;

/**
 * Shortens a sentence longer than LEAD_MAX: at the last clause boundary within LEAD_MAX, else the first one within
 * LEAD_HARD_MAX; with no boundary at all, at LEAD_MAX. Never inside a figure with its unit (12,000立方米, 2.35亿立方米),
 * a quotation or a title (“…”, 《…》), or a run of digits or Latin letters: the lead reaches every subscriber, and a cut
 * figure is a wrong figure.
 */
function shortenLead(sentence: string): string {
  if ([...sentence].length <= LEAD_MAX) return sentence;
  const spans = [...numberSpans(sentence), ...pairedSpans(sentence)];
  // Keeping sentence[0, at) must not leave a figure or a quotation open.
  const splits = (at: number) => spans.some((s) => at > s.start && at < s.end);
  const ends: number[] = [];
  for (let i = LEAD_MIN; i < Math.min(sentence.length, LEAD_HARD_MAX); i++) if (CLAUSE_END.test(sentence[i]!) && !splits(i)) ends.push(i);
  const within = ends.filter((i) => i < LEAD_MAX);
  const at = within.length > 0 ? within[within.length - 1] : ends[0];
  if (at !== undefined) return `${sentence.slice(0, at)}…`;
  let cut = LEAD_MAX - 1;
  const word = /[\p{N}\p{Script=Latin}.%％]/u;
  while (cut > LEAD_MIN && (splits(cut) || (word.test(sentence[cut - 1]!) && word.test(sentence[cut]!)))) cut--;
  return `${sentence.slice(0, cut)}…`;
}
