import { parseHeadlineGroup } from './parse-headline-group.js';
import type { Draft, DraftParagraph, Segmentation } from './segment-articles.js';
import { bigramsOf, createOverlapScorer, type OverlapScorer } from './text-overlap.js';
import type { Unit } from './unit.js';

/** Cost of starting a new headline group: keeps a weakly matching kicker with the title below it. */
const GROUP_COST = 0.3;
/** Score of leaving a headline line unmatched: a line must match an article better than this. */
const UNMATCHED = 0.25;
/** A caption printed apart joins the article it matches at least this well (and clearly best). */
const CAPTION_MIN = 0.35;

export interface AttachResult {
  drafts: Draft[];
  boilerplate: string[];
  warnings: string[];
}

/** One headline line printed apart, with the subtitle/byline lines printed under it. */
interface DetachedLine {
  units: Unit[];
  text: string;
  /** A byline ends a headline group: the next line starts another one. */
  breakAfter: boolean;
}

interface Group {
  lines: DetachedLine[];
  /** Index into the targets, or -1 for no match. */
  target: number;
}

const bodyText = (d: Draft) => [...d.paragraphs.map((p) => p.text), ...d.captions].join('\n');
const preview = (text: string, n = 16) => (text.length > n ? `${text.slice(0, n)}…` : text);

function linesOf(units: readonly Unit[]): DetachedLine[] {
  const lines: DetachedLine[] = [];
  for (const u of units) {
    const last = lines[lines.length - 1];
    if ((u.kind === 'subtitle' || u.kind === 'byline') && last && !last.breakAfter) {
      last.units.push(u);
      last.text += ` ${u.text}`;
    } else {
      lines.push({ units: [u], text: u.text, breakAfter: false });
    }
    if (u.kind === 'byline') lines[lines.length - 1]!.breakAfter = true;
  }
  return lines;
}

/**
 * Splits one run of detached headline lines into groups and matches each group to an article,
 * maximising total content overlap minus a cost per group (a small dynamic programme: lines stay in
 * print order, a group never spans a byline).
 */
function groupLines(lines: readonly DetachedLine[], targets: readonly Set<string>[], scorer: OverlapScorer): Group[] {
  const states = targets.length + 1; // last state: unmatched
  const score = (i: number, s: number) => (s === targets.length ? UNMATCHED : scorer.score(lines[i]!.text, targets[s]!));
  const best: number[][] = [];
  const back: { prev: number; fresh: boolean }[][] = [];
  for (let i = 0; i < lines.length; i++) {
    best.push([]);
    back.push([]);
    let bestPrev = -1;
    if (i > 0) for (let s = 0; s < states; s++) if (bestPrev === -1 || best[i - 1]![s]! > best[i - 1]![bestPrev]!) bestPrev = s;
    for (let s = 0; s < states; s++) {
      const own = score(i, s);
      if (i === 0) {
        best[i]!.push(own - GROUP_COST);
        back[i]!.push({ prev: -1, fresh: true });
        continue;
      }
      const stay = lines[i - 1]!.breakAfter ? -Infinity : best[i - 1]![s]!;
      const fresh = best[i - 1]![bestPrev]! - GROUP_COST;
      if (stay >= fresh) {
        best[i]!.push(own + stay);
        back[i]!.push({ prev: s, fresh: false });
      } else {
        best[i]!.push(own + fresh);
        back[i]!.push({ prev: bestPrev, fresh: true });
      }
    }
  }
  // Walk back from the best final state.
  const last = lines.length - 1;
  let s = 0;
  for (let k = 1; k < states; k++) if (best[last]![k]! > best[last]![s]!) s = k;
  const groups: Group[] = [];
  let current: DetachedLine[] = [];
  for (let i = last; i >= 0; i--) {
    current.unshift(lines[i]!);
    const step = back[i]![s]!;
    if (step.fresh) {
      groups.unshift({ lines: current, target: s === targets.length ? -1 : s });
      current = [];
    }
    s = step.prev;
  }
  return groups;
}

/**
 * Divides the paragraphs of one draft among several headline groups that all matched it (an article
 * printed without a 本报讯 line runs on from the one before it): contiguous parts, in the order the
 * groups' words appear, each part given to the group its paragraphs match best. Returns undefined
 * when no division lets every group win its own part.
 */
function splitByGroups(paragraphs: readonly DraftParagraph[], groups: readonly Group[], scorer: OverlapScorer): DraftParagraph[][] | undefined {
  const m = paragraphs.length;
  const k = groups.length;
  if (m < k) return undefined;
  const texts = groups.map((g) => g.lines.map((l) => l.text).join(' '));
  const grams = paragraphs.map((p) => bigramsOf(p.text));
  const affinity = groups.map((_, g) => grams.map((p) => scorer.score(texts[g]!, p)));
  // Order the groups by where their words occur.
  const centroid = (g: number) => {
    const a = affinity[g]!;
    const total = a.reduce((x, y) => x + y, 0);
    return total === 0 ? Infinity : a.reduce((x, y, i) => x + y * i, 0) / total;
  };
  const order = groups.map((_, g) => g).sort((a, b) => centroid(a) - centroid(b));
  const sum = (g: number, from: number, to: number) => affinity[g]!.slice(from, to).reduce((x, y) => x + y, 0);
  // f[j][i]: best score giving paragraphs [0, i) to the first j groups in order, each a non-empty part.
  const f: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(m + 1).fill(-Infinity));
  const cut: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(m + 1).fill(-1));
  f[0]![0] = 0;
  for (let j = 1; j <= k; j++) {
    for (let i = j; i <= m; i++) {
      // Ties go to the later boundary: a paragraph that matches neither group stays with the
      // article before it, and the new article starts where its own words start.
      for (let c = j - 1; c < i; c++) {
        const v = f[j - 1]![c]! + sum(order[j - 1]!, c, i);
        if (v >= f[j]![i]!) {
          f[j]![i] = v;
          cut[j]![i] = c;
        }
      }
    }
  }
  const bounds: number[] = [m];
  for (let j = k, i = m; j > 0; j--) {
    i = cut[j]![i]!;
    bounds.unshift(i);
  }
  const parts: DraftParagraph[][] = [];
  for (let j = 0; j < k; j++) {
    const from = bounds[j]!;
    const to = bounds[j + 1]!;
    const own = sum(order[j]!, from, to);
    for (let g = 0; g < k; g++) if (g !== order[j] && sum(g, from, to) >= own) return undefined;
    if (own <= 0) return undefined;
    parts.push(paragraphs.slice(from, to));
  }
  // Return the parts in group order (parts[g] for groups[g]).
  const byGroup: DraftParagraph[][] = new Array(k);
  order.forEach((g, j) => (byGroup[g] = parts[j]!));
  return byGroup;
}

/**
 * Attaches headlines printed away from their articles (in one seed every headline of the page comes
 * after the articles) and captions printed on their own, by content overlap rather than position.
 * Articles without a headline are the candidates; when two headline groups match the same article,
 * that article is split where the second one's words begin. What matches nothing is kept as
 * boilerplate with a warning, so no text is lost.
 */
export function attachHeadlines(seg: Segmentation): AttachResult {
  const drafts = [...seg.drafts];
  const warnings: string[] = [];
  const boilerplate: string[] = [];
  const scorer = createOverlapScorer(drafts.map(bodyText));

  const targets = drafts.filter((d) => !d.head && !d.photo && d.paragraphs.length > 0);
  const targetGrams = targets.map((d) => bigramsOf(bodyText(d)));
  const assigned = new Map<number, Group[]>();
  const unresolved: Group[] = [];
  for (const run of seg.detached) {
    for (const group of groupLines(linesOf(run.units), targetGrams, scorer)) {
      if (group.target === -1) unresolved.push(group);
      else assigned.set(group.target, [...(assigned.get(group.target) ?? []), group]);
    }
  }

  const headOf = (group: Group) => parseHeadlineGroup(group.lines.flatMap((l) => l.units));
  for (const [t, matched] of assigned) {
    const draft = targets[t]!;
    // A group of only bylines or subtitles has no headline to give.
    const groups = matched.filter((g) => headOf(g) !== undefined);
    unresolved.push(...matched.filter((g) => headOf(g) === undefined));
    if (groups.length === 0) continue;
    let parts = groups.length > 1 ? splitByGroups(draft.paragraphs, groups, scorer) : [draft.paragraphs];
    let used = groups;
    if (!parts) {
      // No clean division: the best-matching group keeps the article, the others stay unmatched.
      const text = bodyText(draft);
      const ranked = [...groups].sort((a, b) => scorer.score(b.lines.map((l) => l.text).join(' '), text) - scorer.score(a.lines.map((l) => l.text).join(' '), text));
      used = [ranked[0]!];
      unresolved.push(...ranked.slice(1));
      parts = [draft.paragraphs];
    }
    // The part holding the draft's first paragraph (and its lead) keeps the draft; the others
    // become articles of their own.
    const first = draft.paragraphs[0];
    used.forEach((group, g) => {
      const head = headOf(group)!;
      const part = parts[g]!;
      if (part[0] === first) {
        draft.head = head;
        draft.paragraphs = part;
      } else {
        drafts.push({ start: part[0]!.unit.index, head, paragraphs: part, captions: [], photo: false });
        warnings.push(
          `an article with no 本报讯 line or headline ran on inside the one before it; split before "${preview(part[0]!.text)}" (line ${part[0]!.unit.line})`,
        );
      }
      warnings.push(`headline "${head.title}" (line ${group.lines[0]!.units[0]!.line}) was printed apart from its article; attached by content to the article at line ${part[0]!.unit.line}`);
    });
  }
  for (const group of unresolved) {
    for (const line of group.lines) for (const u of line.units) boilerplate.push(u.text);
    warnings.push(`headline "${group.lines.map((l) => l.text).join(' ')}" (line ${group.lines[0]!.units[0]!.line}) matches no article; kept as boilerplate`);
  }

  // Captions printed on their own join the article they describe, or become photo items.
  const candidates = drafts.filter((d) => !d.photo && d.paragraphs.length > 0);
  const candidateGrams = candidates.map((d) => bigramsOf(bodyText(d)));
  for (const orphan of seg.orphans) {
    const scores = candidateGrams.map((g) => scorer.score(orphan.caption, g));
    const ranked = scores.map((s, i) => ({ s, i })).sort((a, b) => b.s - a.s);
    const first = ranked[0];
    const second = ranked[1]?.s ?? 0;
    if (first && first.s >= CAPTION_MIN && first.s >= second * 1.5) {
      const draft = candidates[first.i]!;
      draft.captions.push(orphan.credit ? `${orphan.caption} ${orphan.credit}` : orphan.caption);
      warnings.push(`photo caption "${preview(orphan.caption)}" (line ${orphan.unit.line}) was printed apart; attached by content to the article at line ${draft.paragraphs[0]!.unit.line}`);
    } else {
      drafts.push({ start: orphan.unit.index, paragraphs: [], captions: [orphan.caption], credit: orphan.credit, photo: true });
    }
  }

  drafts.sort((a, b) => a.start - b.start);
  return { drafts, boilerplate, warnings };
}
