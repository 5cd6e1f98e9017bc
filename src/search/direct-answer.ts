import { opensPeriod, type AnswerKind, type QuestionAnalysis } from './analyze-question.js';
import type { AnswerSpan } from './answer-spans.js';
import type { AnswerWindow } from './decide-outcome.js';
import type { DirectAnswer } from './types.js';

/**
 * Kinds whose direct answer line is shown: those whose measured precision on CMRC 2018 (the shown
 * span overlaps an annotated answer, `npm run eval`) is at least 0.85 over 20 or more shown.
 * Measured 2026-12-03: date 0.900 (241 shown); duration 0.944 but only 18 shown; quantity 0.683,
 * organisation 0.571, place 0.486, person 0.429 — not shown.
 */
export const DIRECT_ANSWER_KINDS: readonly AnswerKind[] = ['date'];

/** Kinds with a span short enough to be an answer line at all (a reason or a method is a clause, not a span). */
const SPAN_KINDS: readonly AnswerKind[] = ['quantity', 'date', 'duration', 'person', 'place', 'organisation'];

/** How near (characters) a span must be to the attribute asked about to count as its value. */
const NEAR = 8;

/**
 * The one clear span of the expected kind in an answering window: the only one there is, or else
 * the only one within a few characters of the attribute asked about. Undefined when it is not clear.
 */
export function directAnswerCandidate(analysis: QuestionAnalysis, window: AnswerWindow): DirectAnswer | undefined {
  if (!SPAN_KINDS.includes(analysis.kind)) return undefined;
  const distinct = new Map<string, AnswerSpan>();
  for (const s of window.spans) if (!distinct.has(s.text)) distinct.set(s.text, s);
  const spans = [...distinct.values()];
  if (spans.length === 1) return { text: spans[0]!.text, kind: analysis.kind };
  if (analysis.asksStart === true) {
    const starts = spans.filter((s) => opensPeriod(window.norm, s.index + s.text.length));
    if (starts.length === 1) return { text: starts[0]!.text, kind: analysis.kind };
  }
  if (spans.length === 0 || analysis.attribute.length === 0) return undefined;
  const at = analysis.attribute.map((a) => window.norm.indexOf(a)).filter((i) => i >= 0);
  if (at.length === 0) return undefined;
  const near = spans.filter((s) => at.some((i) => Math.abs(s.index - i) <= NEAR || (s.index < i && i - (s.index + s.text.length) <= NEAR)));
  const texts = new Set(near.map((s) => s.text));
  return texts.size === 1 ? { text: near[0]!.text, kind: analysis.kind } : undefined;
}

/** The direct answer line for the reader: only for kinds measured precise enough (see DIRECT_ANSWER_KINDS). */
export function directAnswerOf(analysis: QuestionAnalysis, window: AnswerWindow, kinds: readonly AnswerKind[] = DIRECT_ANSWER_KINDS): DirectAnswer | undefined {
  if (!kinds.includes(analysis.kind)) return undefined;
  return directAnswerCandidate(analysis, window);
}
