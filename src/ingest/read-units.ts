import type { PaperConfig } from '../config.js';
import { cleanText, displayWidth, joinWrappedLines, normalizeNewlines, stripInlineMarkup } from '../text/clean-text.js';
import {
  LEAD_START,
  SIGNOFF,
  endsSentence,
  hasInnerPunct,
  isBylineLine,
  isCreditLine,
  isHeadlineShaped,
  opensUnclosed,
  splitInlineCredit,
  startsUnit,
  unbracketHeadline,
  startsWithFragment,
} from './line-patterns.js';
import { isBoilerplateLine, parseMasthead, type Masthead } from './parse-masthead.js';
import type { Unit, UnitKind } from './unit.js';

export interface ReadUnitsResult {
  units: Unit[];
  masthead: Masthead;
  /** Set when the file is a hard-wrapped column (every line about the same width): the column width. */
  columnWidth?: number;
}

interface LineInfo {
  index: number;
  level: number;
  /** Trimmed text with heading marks and inline markup removed. */
  content: string;
  blank: boolean;
  /** A headline line printed in brackets (`【…】`); `content` is the headline without them. */
  bracketed: boolean;
}

interface Pending {
  lines: string[];
  first: number;
  last: number;
  level: number;
  gapBefore: number;
  fixed?: 'masthead' | 'boilerplate';
  /** A bracketed headline line: a headline unit of its own. */
  bracketed?: boolean;
}

const TRIM = /^[\s\u3000\u00a0\uFEFF]+|[\s\u3000\u00a0\uFEFF]+$/g;

function lineInfo(raw: string, index: number): LineInfo {
  const trimmed = raw.replace(TRIM, '');
  const h = /^(#{1,6})(?:\s+|(?=[^#\s]))(.*)$/u.exec(trimmed);
  const marked = stripInlineMarkup(h ? h[2]! : trimmed).replace(TRIM, '');
  const unbracketed = unbracketHeadline(marked);
  const content = unbracketed ?? marked;
  return { index, level: h && content !== '' ? h[1]!.length : 0, content, blank: content === '', bracketed: unbracketed !== undefined };
}

/**
 * Recognises a hard-wrapped column: most plain lines are within a couple of characters of the
 * same short width. Returns that width, or undefined for files whose lines are whole paragraphs.
 */
function detectColumnWidth(lines: readonly LineInfo[]): number | undefined {
  const widths = lines.map((l) => displayWidth(l.content)).sort((a, b) => a - b);
  if (widths.length < 12) return undefined;
  const median = widths[widths.length >> 1]!;
  const near = widths.filter((w) => Math.abs(w - median) <= 2.5).length;
  return median <= 32 && near / widths.length >= 0.5 ? median : undefined;
}

/** A unit that nothing may run on from: bylines, credits, closing datelines. */
function isClosed(p: Pending): boolean {
  const first = p.lines[0]!;
  const text = joinWrappedLines(p.lines);
  return p.level > 0 || p.fixed !== undefined || p.bracketed === true || isBylineLine(first) || isCreditLine(text) || SIGNOFF.test(text) || /摄$/.test(text);
}

function isBodyLike(p: Pending | undefined): boolean {
  if (p === undefined || p.level > 0 || p.fixed !== undefined || p.bracketed) return false;
  const text = joinWrappedLines(p.lines);
  return endsSentence(text) || !isHeadlineShaped(text);
}

/**
 * Decides whether line `next` continues the paragraph `prev` (a hard wrap, or a paragraph break
 * the extraction put in mid-sentence) or starts a new unit.
 */
function continues(
  prev: Pending,
  next: LineInfo,
  gap: number,
  ctx: { columnWidth?: number; blockSize: number[]; before?: Pending },
): boolean {
  // Two or more blank lines separate page elements; extraction never puts them inside a sentence.
  if (gap >= 2 || isClosed(prev) || startsUnit(next.content)) return false;
  const last = prev.lines[prev.lines.length - 1]!;
  const joined = joinWrappedLines(prev.lines);
  const cw = ctx.columnWidth;
  if (cw !== undefined) {
    const w = displayWidth(last);
    // Inside a block, a line ending a sentence short of the column width ends its paragraph.
    // (A dash at a line end is a hard wrap inside a sentence here, not a lead-in.)
    if (gap === 0) return endsSentence(last) && !/——$/.test(last) ? w >= cw - 1.5 : true;
    if (endsSentence(last)) return false;
    // Across a blank line only a full line can run on (a short one is a headline or subhead),
    // and only with evidence it is body text: it came from a paragraph, has clause punctuation,
    // or the next line starts with the broken-off end of a word.
    const full = w >= 0.75 * cw;
    return full && ((ctx.blockSize[prev.last] ?? 1) >= 2 || hasInnerPunct(last) || opensUnclosed(joined) || startsWithFragment(next.content));
  }
  if (endsSentence(joined)) return false;
  if (startsWithFragment(next.content)) return true;
  // Long text without a sentence end was cut mid-sentence.
  if (!isHeadlineShaped(joined)) return true;
  // A short piece with clause punctuation after body text is a broken paragraph, not a subtitle.
  return (hasInnerPunct(joined) || opensUnclosed(joined)) && isBodyLike(ctx.before);
}

function classify(p: Pending, text: string): { kind: UnitKind; text: string; credit?: string } {
  if (p.fixed) return { kind: p.fixed, text };
  if (p.level > 0) return { kind: /^——/.test(text) ? 'subtitle' : 'heading', text };
  if (p.bracketed) return { kind: 'headline', text };
  if (/^——/.test(text) && displayWidth(text) <= 60) return { kind: 'subtitle', text };
  if (isCreditLine(text)) return { kind: 'credit', text };
  const inline = splitInlineCredit(text);
  if (inline) return { kind: 'caption', text: inline.caption, credit: inline.credit };
  if (isBylineLine(text)) return { kind: 'byline', text };
  if (LEAD_START.test(text)) return { kind: 'lead', text };
  if (SIGNOFF.test(text)) return { kind: 'signoff', text };
  if (isHeadlineShaped(text)) return { kind: 'headline', text };
  return { kind: 'body', text };
}

/**
 * Turns the text of an issue file into units: masthead lines, headings, headline lines, bylines,
 * leads, body paragraphs (hard wraps and mid-sentence breaks joined), photo credits and captions.
 */
export function readUnits(text: string, paper: PaperConfig): ReadUnitsResult {
  const infos = normalizeNewlines(text).split('\n').map(lineInfo);
  const masthead = parseMasthead(
    infos.map((l) => l.content),
    paper,
  );
  const mastheadLines = new Set(masthead.lines);
  const fixedOf = (l: LineInfo): Pending['fixed'] =>
    mastheadLines.has(l.index) ? 'masthead' : isBoilerplateLine(l.content, paper) ? 'boilerplate' : undefined;

  const columnWidth = detectColumnWidth(infos.filter((l) => !l.blank && l.level === 0 && fixedOf(l) === undefined));

  // Size of the block (run of non-blank lines) each line belongs to.
  const blockSize = new Array<number>(infos.length).fill(0);
  for (let i = 0; i < infos.length; ) {
    if (infos[i]!.blank) {
      i++;
      continue;
    }
    let j = i;
    while (j < infos.length && !infos[j]!.blank) j++;
    for (let k = i; k < j; k++) blockSize[k] = j - i;
    i = j;
  }

  const done: Pending[] = [];
  let pending: Pending | undefined;
  let gap = 0;
  const flush = () => {
    if (pending) done.push(pending);
    pending = undefined;
  };
  for (const info of infos) {
    if (info.blank) {
      gap++;
      continue;
    }
    const fixed = fixedOf(info);
    if (fixed !== undefined || info.level > 0 || info.bracketed) {
      flush();
      done.push({
        lines: [info.content],
        first: info.index,
        last: info.index,
        level: fixed ? 0 : info.level,
        gapBefore: gap,
        fixed,
        ...(info.bracketed && !fixed ? { bracketed: true } : {}),
      });
    } else if (pending && continues(pending, info, gap, { columnWidth, blockSize, before: done[done.length - 1] })) {
      pending.lines.push(info.content);
      pending.last = info.index;
    } else {
      flush();
      pending = { lines: [info.content], first: info.index, last: info.index, level: 0, gapBefore: gap };
    }
    gap = 0;
  }
  flush();

  const units: Unit[] = [];
  for (const p of done) {
    const cleaned = p.fixed ? p.lines.join(' ') : cleanText(p.lines.join('\n'));
    if (cleaned === '') continue;
    const c = classify(p, cleaned);
    units.push({
      index: units.length,
      kind: c.kind,
      text: c.text,
      level: p.level,
      line: p.first + 1,
      lineCount: p.last - p.first + 1,
      gapBefore: p.gapBefore,
      ...(c.credit !== undefined ? { credit: c.credit } : {}),
    });
  }
  // A short line ending in ！ or ？ is a headline when a lead, byline or subtitle follows it
  // (`如何破解“小马拉大车”？` above `本报讯…`), though it looks like a sentence.
  for (let i = 0; i + 1 < units.length; i++) {
    const u = units[i]!;
    const next = units[i + 1]!;
    if (
      u.kind === 'body' &&
      u.lineCount === 1 &&
      displayWidth(u.text) <= 30 &&
      /[！？!?]$/u.test(u.text) &&
      !/[。！？!?].*[。！？!?]$|[，,：:；;]/u.test(u.text) &&
      ['lead', 'byline', 'subtitle', 'heading', 'headline'].includes(next.kind)
    ) {
      u.kind = 'headline';
    }
  }
  return { units, masthead, ...(columnWidth !== undefined ? { columnWidth } : {}) };
}
