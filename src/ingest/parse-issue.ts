import type { Article, ArticleKind, DateSource, Issue } from '../archive/model.js';
import type { PaperConfig } from '../config.js';
import { articleId, issueId } from './article-id.js';
import { attachHeadlines } from './attach-headlines.js';
import { deriveTitle } from './derive-title.js';
import { inferIssueDate } from './infer-date.js';
import { endsSentence } from './line-patterns.js';
import type { ManifestEntry } from './manifest.js';
import { readUnits } from './read-units.js';
import type { Draft } from './segment-articles.js';
import { segmentArticles } from './segment-articles.js';

export interface ParseIssueContext {
  paper: PaperConfig;
  /** What an editor recorded about this file in config/manifest.json, if anything. */
  manifest?: ManifestEntry;
  /**
   * Date to use when neither masthead, manifest nor text gives one (e.g. the file's modification
   * day); flagged `inferred` with a warning. Without it such an issue is dated UNDATED (see isUndated).
   */
  fallbackDate?: string;
  /** The date the archive's filing gives the file (see dateFromPath): after masthead and manifest, before inference. */
  pathDate?: string;
}

/** The date of an issue with no date evidence at all when no fallback was given: never a real issue's date. */
export const UNDATED = '1970-01-01';

/**
 * Whether an issue parsed without a fallback date has no date at all: no masthead date, no manifest
 * entry, no date in its path and none inferable from its text. Ingest refuses such an issue rather
 * than date it by the file's time (the copy time of an archive restored from a backup: it would pass
 * for today's paper and go out as the next digest).
 */
export function isUndated(issue: Pick<Issue, 'date' | 'dateSource'>): boolean {
  return issue.dateSource === 'inferred' && issue.date === UNDATED;
}

const COMMENTARY = /评论|短评|时评|社论|言论|评论员/u;

function kindOf(d: Draft, totalLength: number): ArticleKind {
  if (d.photo) return 'photo';
  const head = d.head;
  if (head && COMMENTARY.test([head.kicker, head.title, head.byline].join(' '))) return 'commentary';
  if (d.lead) return 'news';
  if (head?.byline !== undefined || d.byline !== undefined || head?.subtitle?.startsWith('——')) return 'feature';
  if (d.signoff?.dateline) return 'news';
  return totalLength < 300 ? 'brief' : 'news';
}

function toArticle(d: Draft, issue: string, file: string, taken: Set<string>): Article {
  const paragraphs = d.paragraphs.map((p) => p.text);
  const captions = [...d.captions];
  let byline = d.head?.byline ?? d.byline ?? d.lead?.byline;
  if (d.credit) {
    // A photo item's credit is its byline; a credit on a photo inside a bylined article stays with its caption.
    if (d.photo && byline === undefined) byline = d.credit;
    else if (captions.length > 0) captions[captions.length - 1] = `${captions[captions.length - 1]} ${d.credit}`;
  }
  const dateline = d.lead?.dateline ?? d.signoff?.dateline;
  const derived = d.head === undefined;
  const title = d.head?.title ?? deriveTitle(paragraphs[0] ?? captions[0] ?? '');
  const body = paragraphs.join('') || captions.join('') || title;
  const id = articleId(file, body, taken);
  taken.add(id);
  return {
    id,
    issueId: issue,
    ...(d.head?.kicker !== undefined ? { kicker: d.head.kicker } : {}),
    title,
    titleDerived: derived,
    ...(d.head?.subtitle !== undefined ? { subtitle: d.head.subtitle } : {}),
    ...(byline !== undefined ? { byline } : {}),
    ...(dateline !== undefined ? { dateline } : {}),
    ...(d.lead ? { lead: d.lead.lead } : {}),
    ...(d.signoff ? { signoff: d.signoff.signoff } : {}),
    kind: kindOf(d, body.length),
    paragraphs,
    captions,
    topics: [],
    places: [],
  };
}

/** Text of an article for date inference: headline lines, paragraphs, captions, dateline. */
function datingText(a: Article): string[] {
  const head = [a.kicker, a.titleDerived ? undefined : a.title, a.subtitle, a.dateline].filter((s): s is string => s !== undefined);
  return [...head, ...a.paragraphs, ...a.captions];
}

/**
 * Parses the text of one issue file into an Issue: masthead metadata, articles with headline,
 * kicker, subtitle, byline, dateline, body and captions, and the boilerplate left over. Pure: the
 * same text and file name always give the same issue, with the same ids.
 *
 * The date comes from the masthead when printed, else from the manifest entry, else it is inferred
 * from the text (flagged `inferred`, with the reasoning in `warnings`).
 *
 * @example parseIssue(text, '000_79b3c460d300cb0d.txt', { paper }).articles.map((a) => a.title)
 */
export function parseIssue(text: string, file: string, context: ParseIssueContext): Issue {
  // The path relative to SEEDS_DIR (a bare name for a flat folder) is the file's identity: pages named 01.txt in many day folders stay apart.
  const name = file.replaceAll('\\', '/');
  const id = issueId(name);
  const { units, masthead } = readUnits(text, context.paper);
  const segmentation = segmentArticles(units);
  const attached = attachHeadlines(segmentation);
  const warnings = [...masthead.warnings, ...segmentation.warnings, ...attached.warnings];
  const taken = new Set<string>();
  const articles = attached.drafts.map((d) => toArticle(d, id, name, taken));

  for (const a of articles) {
    if (a.kind === 'photo') continue;
    if (a.titleDerived) warnings.push(`article "${a.title}" has no printed headline; its title was derived from the lead sentence`);
    const last = a.paragraphs[a.paragraphs.length - 1];
    if (last !== undefined && !endsSentence(last)) warnings.push(`article "${a.title}" ends mid-sentence ("…${last.slice(-8)}"): the source may be cut off`);
  }

  let date: string;
  let dateSource: DateSource;
  const manifest = context.manifest;
  if (masthead.date !== undefined) {
    date = masthead.date;
    dateSource = 'masthead';
    if (manifest && manifest.date !== date) warnings.push(`manifest says ${manifest.date} but the masthead prints ${date}; using the masthead`);
    if (context.pathDate !== undefined && context.pathDate !== date) warnings.push(`the file is filed under ${context.pathDate} but the masthead prints ${date}; using the masthead`);
  } else if (manifest) {
    date = manifest.date;
    dateSource = 'manifest';
  } else if (context.pathDate !== undefined) {
    date = context.pathDate;
    dateSource = 'filename';
  } else {
    dateSource = 'inferred';
    const inferred = inferIssueDate(articles.map(datingText));
    if (inferred) {
      date = inferred.date;
      warnings.push(`date inferred from the text (approximate): ${inferred.reason}`);
    } else {
      date = context.fallbackDate ?? UNDATED;
      warnings.push(`no date in the masthead, the manifest or the text; dated ${date}. Record the real date in config/manifest.json`);
    }
  }
  const number = masthead.number ?? manifest?.number;

  return {
    id,
    paper: context.paper.name,
    date,
    dateSource,
    ...(number !== undefined ? { number } : {}),
    ...(masthead.weekday !== undefined ? { weekday: masthead.weekday } : {}),
    ...(masthead.lunarDate !== undefined ? { lunarDate: masthead.lunarDate } : {}),
    ...(masthead.pageCount !== undefined ? { pageCount: masthead.pageCount } : {}),
    file: name,
    articles,
    boilerplate: [...segmentation.boilerplate, ...attached.boilerplate],
    warnings,
  };
}
