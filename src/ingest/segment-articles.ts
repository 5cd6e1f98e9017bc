import { endsSentence } from './line-patterns.js';
import { parseHeadlineGroup, type HeadlineGroup } from './parse-headline-group.js';
import { parseLead, parseSignoff, type ParsedLead } from './parse-lead.js';
import type { Unit } from './unit.js';

/** A paragraph of a draft article, with the unit it came from (for its position and layout gap). */
export interface DraftParagraph {
  text: string;
  unit: Unit;
  /** An in-article section heading kept as part of the body. */
  subhead?: boolean;
}

/** An article being assembled: everything the parser found that belongs to it. */
export interface Draft {
  /** Index of the unit where the article starts (articles are listed in this order). */
  start: number;
  head?: HeadlineGroup;
  lead?: ParsedLead;
  paragraphs: DraftParagraph[];
  captions: string[];
  /** Photo credit of a photo item (□本报记者 何龙摄). */
  credit?: string;
  signoff?: { signoff: string; dateline?: string };
  /** A byline printed on its own, not in a headline group or lead. */
  byline?: string;
  photo: boolean;
}

/** Headline lines printed with no body after them: matched to articles by content later. */
export interface DetachedRun {
  units: Unit[];
}

/** A captioned photo printed apart from any article. */
export interface OrphanCaption {
  unit: Unit;
  caption: string;
  credit: string;
}

export interface Segmentation {
  drafts: Draft[];
  detached: DetachedRun[];
  orphans: OrphanCaption[];
  boilerplate: string[];
  warnings: string[];
}

const HEAD_KINDS = new Set(['heading', 'headline', 'subtitle', 'byline']);
const isHead = (u: Unit | undefined) => u !== undefined && HEAD_KINDS.has(u.kind);
const DATE_START = /^(?:\d{4}年)?\d{1,2}月\d{1,2}日/u;

function newDraft(start: number, extra: Partial<Draft> = {}): Draft {
  return { start, paragraphs: [], captions: [], photo: false, ...extra };
}

/** A headline group with the deck lines printed under it added to its subtitle (after a —— subtitle, if any). */
function withDeck(head: HeadlineGroup, deck: readonly DraftParagraph[]): HeadlineGroup {
  const subtitle = [head.subtitle, ...deck.map((p) => p.text)].filter((t): t is string => t !== undefined && t !== '').join(' ');
  return { ...head, subtitle, units: [...head.units, ...deck.map((p) => p.unit)] };
}

/** Is a photo (a few caption paragraphs, then a credit line) coming up at `from`? */
function photoAhead(units: readonly Unit[], from: number): boolean {
  let j = from;
  while (j < units.length && units[j]!.kind === 'body' && j - from < 3) j++;
  return units[j]?.kind === 'credit' || units[from]?.kind === 'caption';
}

/** A headline short enough to be a photo's title (志愿服务 暖人心), not an article's headline group. */
function isPhotoTitle(run: readonly Unit[]): boolean {
  return run.length <= 2 && run.every((u) => u.kind === 'heading' || u.kind === 'headline');
}

/**
 * Whether a lone heading inside an article is one of its section heads rather than the headline of
 * the next article: a deeper markdown level than the article's title, or a plain line inside a
 * signed feature (one with a □ byline or a —— subtitle).
 */
function isSubhead(current: Draft, u: Unit): boolean {
  const head = current.head;
  if (!head || current.paragraphs.length === 0 || current.photo) return false;
  if (u.level > 0) return head.titleLevel > 0 && u.level > head.titleLevel;
  return head.titleLevel === 0 && !current.lead && (head.byline !== undefined || head.subtitle !== undefined);
}

/**
 * Where the caption starts among the last paragraphs before a photo credit: after a layout break
 * (two or more blank lines), else at a paragraph opening with a date (`11月4日，…`), else the last one.
 */
function captionStart(draft: Draft): number {
  const paras = draft.paragraphs;
  const n = paras.length;
  if (draft.head && !draft.lead && n <= 3 && !paras.some((p) => p.subhead)) return 0;
  const tail = Math.max(0, n - 3);
  for (let k = n - 1; k >= tail; k--) if (paras[k]!.unit.gapBefore >= 2 && (k > 0 || !draft.head)) return k;
  for (let k = n - 1; k >= Math.max(0, n - 2); k--) if (DATE_START.test(paras[k]!.text)) return k;
  return n - 1;
}

/**
 * Walks the units of an issue and groups them into draft articles: a headline group starts an
 * article, a datelined lead (本报讯…) starts one when the current article already has a body, a
 * credit line turns the paragraphs before it into a photo item, a closing dateline ends an article.
 * Headline groups with no body and captions printed on their own are returned apart, to be matched
 * to articles by content.
 */
export function segmentArticles(units: readonly Unit[]): Segmentation {
  const out: Segmentation = { drafts: [], detached: [], orphans: [], boilerplate: [], warnings: [] };
  let current: Draft | undefined;
  const close = () => {
    if (current) out.drafts.push(current);
    current = undefined;
  };

  for (let i = 0; i < units.length; ) {
    const u = units[i]!;
    if (u.kind === 'masthead' || u.kind === 'boilerplate') {
      out.boilerplate.push(u.text);
      i++;
      continue;
    }

    if (isHead(u)) {
      let j = i;
      while (j < units.length && isHead(units[j])) j++;
      const run = units.slice(i, j);
      const next = units[j];
      i = j;
      if (
        run.length === 1 &&
        (u.kind === 'heading' || u.kind === 'headline') &&
        current &&
        next?.kind === 'body' &&
        !photoAhead(units, j) &&
        isSubhead(current, u)
      ) {
        current.paragraphs.push({ text: u.text, unit: u, subhead: true });
        continue;
      }
      const group = parseHeadlineGroup(run);
      if (group && (next?.kind === 'body' || next?.kind === 'lead')) {
        close();
        current = newDraft(run[0]!.index, { head: group });
        continue;
      }
      if (group && next?.kind === 'caption' && isPhotoTitle(run)) {
        close();
        current = newDraft(run[0]!.index, { head: group, photo: true });
        continue;
      }
      if (!group && run.every((r) => r.kind === 'byline')) {
        const byline = run.map((r) => r.text).join(' ');
        if (next?.kind === 'body' || next?.kind === 'lead') {
          // A signed article printed without a headline: the byline opens it.
          close();
          current = newDraft(run[0]!.index, { byline });
          continue;
        }
        if (current && !current.photo && current.paragraphs.length > 0 && !current.head?.byline && !current.lead?.byline && !current.byline) {
          // A byline printed after the body (`（记者 张三）` style).
          current.byline = byline;
          continue;
        }
      }
      close();
      out.detached.push({ units: run });
      continue;
    }

    if (u.kind === 'lead') {
      const lead = parseLead(u.text)!;
      const deckOnly = current?.paragraphs.every((p) => !endsSentence(p.text)) && (current?.paragraphs.length ?? 0) <= 2;
      // The lead opens the current article when that has only a headline (and maybe a deck) or a byline so far.
      const opensCurrent = current && !current.lead && !current.photo && (current.head ? deckOnly : current.paragraphs.length === 0);
      if (!opensCurrent) {
        close();
        current = newDraft(u.index);
      } else if (current!.head && current!.paragraphs.length > 0) {
        // A deck printed between the headline and the lead (`实施“筑基固本”行动，夯实基层基础... 实施…`)
        // is headline matter, not the first paragraph: the body starts at the lead.
        current!.head = withDeck(current!.head, current!.paragraphs);
        current!.paragraphs = [];
      }
      current!.lead = lead;
      if (lead.rest) current!.paragraphs.push({ text: lead.rest, unit: u });
      i++;
      continue;
    }

    if (u.kind === 'body') {
      if (!current || (current.photo && current.captions.length > 0)) {
        close();
        current = newDraft(u.index);
      }
      current.paragraphs.push({ text: u.text, unit: u });
      i++;
      continue;
    }

    if (u.kind === 'caption') {
      if (current?.photo && current.paragraphs.length === 0 && current.captions.length === 0) {
        current.captions.push(u.text);
        current.credit = u.credit;
        close();
      } else {
        // Printed on its own (a photo element of the page): attached by content later. The article
        // before it may go on after it, so it stays open.
        out.orphans.push({ unit: u, caption: u.text, credit: u.credit ?? '' });
      }
      i++;
      continue;
    }

    if (u.kind === 'credit') {
      if (!current || current.paragraphs.length === 0) {
        out.boilerplate.push(u.text);
        out.warnings.push(`photo credit "${u.text}" (line ${u.line}) follows no caption; kept as boilerplate`);
      } else {
        const s = captionStart(current);
        const caption = current.paragraphs
          .slice(s)
          .map((p) => p.text)
          .join('');
        if (s === 0) {
          current.photo = true;
          current.paragraphs = [];
          current.captions.push(caption);
          current.credit = u.text;
          close();
        } else {
          const photo = newDraft(current.paragraphs[s]!.unit.index, { photo: true, captions: [caption], credit: u.text });
          current.paragraphs = current.paragraphs.slice(0, s);
          close();
          out.drafts.push(photo);
        }
      }
      i++;
      continue;
    }

    // signoff
    const signoff = parseSignoff(u.text)!;
    if (current && !current.signoff) {
      current.signoff = signoff;
      close();
    } else {
      out.boilerplate.push(u.text);
      out.warnings.push(`closing line "${u.text}" (line ${u.line}) follows no article; kept as boilerplate`);
    }
    i++;
  }
  close();
  return out;
}
