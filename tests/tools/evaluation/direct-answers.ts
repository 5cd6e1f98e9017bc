import { readFileSync } from 'node:fs';
import type { AnswerKind } from '../../../src/search/analyze-question.js';
import { normalizeForMatch } from '../../../src/text/normalize-for-match.js';
import type { Answer, SearchEngine } from '../../../src/search/types.js';

/** Per kind of question: how many were asked, how many got a direct answer line, how many of those were right. */
export interface DirectAnswerRow {
  kind: AnswerKind;
  questions: number;
  shown: number;
  correct: number;
  precision: number;
  coverage: number;
}

/** CMRC's answers.jsonl: query id → annotated answer strings. */
export function loadAnswers(file: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const { id, answers } = JSON.parse(line) as { id: string; answers: string[] };
    out.set(id, answers);
  }
  return out;
}

const fold = (s: string) => normalizeForMatch(s).replace(/\s+/gu, '');

/** A shown span is right when it and an annotated answer overlap: one contains the other. */
export function overlaps(shown: string, answers: readonly string[]): boolean {
  const s = fold(shown);
  return s !== '' && answers.some((a) => {
    const g = fold(a);
    return g !== '' && (g.includes(s) || s.includes(g));
  });
}

/**
 * Per kind of question, precision (the shown span overlaps an annotated answer) and coverage (share
 * of the kind's questions that got one), from answers of an engine built with every kind's direct
 * answer enabled: `add` each question's answer (the CMRC pass hands them over), then `rows`.
 */
export function createDirectAnswerTally(answers: ReadonlyMap<string, readonly string[]>): {
  add(query: { id: string }, answer: Answer): void;
  rows(): DirectAnswerRow[];
} {
  const byKind = new Map<AnswerKind, DirectAnswerRow>();
  return {
    add(query, answer) {
      const gold = answers.get(query.id);
      if (gold === undefined) return;
      const kind = answer.asks?.kind ?? 'other';
      const row = byKind.get(kind) ?? { kind, questions: 0, shown: 0, correct: 0, precision: 0, coverage: 0 };
      row.questions++;
      if (answer.direct !== undefined) {
        row.shown++;
        if (overlaps(answer.direct.text, gold)) row.correct++;
      }
      byKind.set(kind, row);
    },
    rows: () =>
      [...byKind.values()]
        .map((r) => ({ ...r, precision: r.shown > 0 ? r.correct / r.shown : 0, coverage: r.questions > 0 ? r.shown / r.questions : 0 }))
        .sort((a, b) => b.questions - a.questions),
  };
}
