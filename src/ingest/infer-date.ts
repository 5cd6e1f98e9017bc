import { splitSentences } from '../text/split-sentences.js';
import { addDays, isoDate } from '../text/calendar.js';

/** An issue date read from what the issue reports, with the evidence (so readers can be told it is approximate). */
export interface InferredDate {
  /** ISO date: the day after the latest event the issue reports (a daily reports yesterday's news). */
  date: string;
  /** The year the issue was taken to be published in. */
  year: number;
  /** The latest dated event found, ISO, when there is one. */
  latestEvent?: string;
  /** One line saying how the date was reached. */
  reason: string;
}

interface YearMention {
  year: number;
  /** Followed by a month (`2024年10月`): an anchored date, not just a year. */
  withMonth: boolean;
  future: boolean;
  sentence: string;
  article: number;
}

interface EventDate {
  year?: number;
  month: number;
  day: number;
  text: string;
}

const YEAR = /(?<!\d)((?:19|20)\d{2})\s*年/gu;
/** Words before a year that make it a plan or target, not something that happened. */
const FUTURE_BEFORE = /(?:计划|力争|预计|争取|将于|将在|目标|有望|到)\s*$/u;
const FUTURE_AFTER = /^(?:底前|末前|.{0,2}(?:计划|规划|目标))/u;
/** A clause with one of these talks about the future: its dates are not events the issue reports. */
const FUTURE_CLAUSE = /预计|计划|将于|将在|届时|即将|有望|力争|争取|拟于|持续到|直到|截止到/u;
/** A sentence reporting a finished year's figures (`2024年，…同比增长3.3%`). */
const YEAR_RESULTS = /同比|全年|较上年|比上年|上年同期/u;
const LAST_YEAR = /去年|上年度/u;

const DAY_OF_PART: Record<string, number> = { 初: 1, 上旬: 1, 中旬: 11, 下旬: 21, 底: 21, 末: 21 };

const EVENT =
  /(?<![\d年])(?:((?:19|20)\d{2})\s*年\s*)?(\d{1,2})\s*月\s*(?:(\d{1,2})\s*日(?:\s*[至到—~－-]\s*(?:(\d{1,2})\s*月\s*)?(\d{1,2})\s*日)?|(初|上旬|中旬|下旬|底|末))/gu;
const YEAR_MONTH = /(?<!\d)((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日|\s*(?:初|上旬|中旬|下旬|底|末))/gu;

/** The clause (between commas) of `sentence` around position `at`. */
function clauseAt(sentence: string, at: number): string {
  const before = sentence.slice(0, at).search(/[^，,；;：:。！？]*$/u);
  const afterMatch = /[，,；;：:。！？]/u.exec(sentence.slice(at));
  return sentence.slice(before, afterMatch ? at + afterMatch.index : sentence.length);
}

function yearMentions(articles: readonly (readonly string[])[]): YearMention[] {
  const out: YearMention[] = [];
  articles.forEach((paragraphs, article) => {
    for (const paragraph of paragraphs) {
      for (const sentence of splitSentences(paragraph)) {
        for (const m of sentence.matchAll(YEAR)) {
          const at = m.index;
          const after = sentence.slice(at + m[0].length);
          out.push({
            year: Number(m[1]),
            withMonth: /^\s*\d{1,2}\s*月/u.test(after),
            future: FUTURE_BEFORE.test(sentence.slice(Math.max(0, at - 4), at)) || FUTURE_AFTER.test(after),
            sentence,
            article,
          });
        }
      }
    }
  });
  return out;
}

/**
 * The year an issue appeared in, from the years its text mentions: the latest year it reports as
 * past, moved on by one when that year is only reported as a finished year (`2024年，…同比增长`, with
 * no month of it mentioned).
 */
function publicationYear(mentions: readonly YearMention[]): { year: number; why: string } | undefined {
  const past = mentions.filter((m) => !m.future);
  if (past.length === 0) return undefined;
  const latest = Math.max(...past.map((m) => m.year));
  const anchored = (y: number) => past.some((m) => m.year === y && m.withMonth);
  let year = latest;
  let why = `latest year reported: ${latest}`;
  if (!anchored(latest) && past.some((m) => m.year === latest && !m.withMonth && YEAR_RESULTS.test(m.sentence))) {
    year = latest + 1;
    why = `${latest} is reported as a finished year`;
  }
  return { year, why };
}

/**
 * Infers an issue's date from what it reports: the latest explicit event date (`3月6日`,
 * `11月4日电`, `截至2025年8月27日`, `截至9月初`), with the year taken from context — an explicit year in
 * the same sentence, else the publication year read from all years the text mentions. Dates in
 * clauses about the future (`预计11月底采收`) are not events. The issue is taken to appear the day
 * after its latest event. Returns undefined when the text gives no year at all.
 *
 * @param articles the text of each article (kicker, title, paragraphs, captions), one string per paragraph
 */
export function inferIssueDate(articles: readonly (readonly string[])[]): InferredDate | undefined {
  const mentions = yearMentions(articles);
  const base = publicationYear(mentions);
  if (!base) return undefined;
  let { year } = base;
  let why = base.why;

  // An article that says 去年 while reporting a year's figures: that (most mentioned, never dated to a
  // month) year is last year.
  articles.forEach((paragraphs, a) => {
    if (!paragraphs.some((p) => LAST_YEAR.test(p))) return;
    const counts = new Map<number, number>();
    for (const m of mentions) if (m.article === a && !m.future && !m.withMonth) counts.set(m.year, (counts.get(m.year) ?? 0) + 1);
    let reported: number | undefined;
    for (const [y, c] of counts) if (reported === undefined || c > counts.get(reported)! || (c === counts.get(reported)! && y > reported)) reported = y;
    if (reported === undefined || mentions.some((m) => m.year === reported && m.withMonth && !m.future)) return;
    if (reported + 1 > year) {
      year = reported + 1;
      why = `an article reports ${reported} as 去年`;
    }
  });

  const events: EventDate[] = [];
  for (const paragraphs of articles) {
    for (const paragraph of paragraphs) {
      for (const sentence of splitSentences(paragraph)) {
        for (const m of sentence.matchAll(EVENT)) {
          if (FUTURE_CLAUSE.test(clauseAt(sentence, m.index))) continue;
          const explicit = m[1] !== undefined ? Number(m[1]) : undefined;
          // A year stated earlier in the same sentence (`2024年，…3月中旬，…`) dates a bare month-day.
          const context = [...sentence.slice(0, m.index).matchAll(YEAR)].pop();
          const y = explicit ?? (context ? Number(context[1]) : undefined);
          const month = m[4] !== undefined ? Number(m[4]) : Number(m[2]);
          const day = m[5] !== undefined ? Number(m[5]) : m[3] !== undefined ? Number(m[3]) : DAY_OF_PART[m[6]!]!;
          events.push({ ...(y !== undefined ? { year: y } : {}), month, day, text: m[0] });
        }
        for (const m of sentence.matchAll(YEAR_MONTH)) {
          if (FUTURE_CLAUSE.test(clauseAt(sentence, m.index))) continue;
          events.push({ year: Number(m[1]), month: Number(m[2]), day: 1, text: m[0] });
        }
      }
    }
  }

  // Bare dates are in the publication year, except late-year dates in an issue that also reports
  // January/February events: those are from the year before.
  const bare = events.filter((e) => e.year === undefined);
  const spansNewYear = bare.some((e) => e.month <= 2) && bare.some((e) => e.month >= 11);
  let latest: { iso: string; text: string } | undefined;
  for (const e of events) {
    const y = e.year ?? (spansNewYear && e.month >= 11 ? year - 1 : year);
    if (y > year) continue;
    const iso = isoDate(y, e.month, e.day);
    if (iso === undefined) continue;
    if (latest === undefined || iso > latest.iso) latest = { iso, text: e.text };
  }
  if (!latest) {
    return { date: isoDate(year, 1, 1)!, year, reason: `${why}; no dated event found, so only the year is known` };
  }
  return {
    date: addDays(latest.iso, 1),
    year,
    latestEvent: latest.iso,
    reason: `${why}; latest event reported: ${latest.text.replace(/\s+/g, '')} (${latest.iso}), issue taken as the day after`,
  };
}
