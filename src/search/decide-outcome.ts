import type { QuestionAnalysis } from './analyze-question.js';
import { answerSpans, hasShape, type AnswerSpan, type TaggedWord } from './answer-spans.js';
import type { SentenceText } from './pick-excerpt.js';
import { coverage, type QueryModel, type WeightedTerm } from './query-model.js';

/** A window of one or two sentences of an article that answers the question. */
export interface AnswerWindow {
  /** Index of the window's first sentence among the article's sentences. */
  start: number;
  /** Index of its last sentence (start or start + 1). */
  end: number;
  /** The spans of the expected kind in it (normalised text of the window). */
  spans: AnswerSpan[];
  /** The window's normalised text. */
  norm: string;
}

export interface OutcomeOptions {
  /** The share of the subject's weight (the question without its attribute) the window, its previous sentence and headline must hold. */
  minSubject: number;
  /** For questions whose answer has no checkable shape (what …, yes/no): the share of the whole question one window must hold. */
  minUnshaped: number;
}

export const DEFAULT_OUTCOME: OutcomeOptions = { minSubject: 0.6, minUnshaped: 0.7 };

export interface OutcomeInput {
  model: QueryModel;
  analysis: QuestionAnalysis;
  /** The article's sentences, in order. */
  sentences: readonly SentenceText[];
  /** The article's normalised headline: names what every sentence is about. */
  title: string;
  tag: (text: string) => TaggedWord[];
  /** Other ways of writing a term of the question (synonyms, longer archive terms), if any. */
  alternatives?: (term: string) => readonly string[];
  options?: Partial<OutcomeOptions>;
}

/** Whether `text` holds an attribute word: itself, an alternative, or (for a long word) one of its halves. */
function holdsAttribute(word: string, text: string, alternatives: (term: string) => readonly string[]): boolean {
  if (text.includes(word)) return true;
  if (alternatives(word).some((a) => text.includes(a))) return true;
  const chars = Array.from(word);
  if (chars.length >= 3) {
    // 装机容量 → 容量, 回填土方量 → 土方: a long attribute is often printed in part.
    for (let i = 0; i + 1 < chars.length; i += 1) if (text.includes(chars[i]! + chars[i + 1]!) && i % 2 === 0) return true;
  }
  return false;
}

/**
 * The best window of the article that holds the question's subject (in it, the sentence before, or
 * the headline), its attribute (or an alternative) and a span of the expected kind. Undefined when
 * none does: the article is related, but does not state the fact asked.
 */
export function findAnswerWindow(input: OutcomeInput): AnswerWindow | undefined {
  const { model, analysis, sentences, title, tag } = input;
  const options = { ...DEFAULT_OUTCOME, ...input.options };
  const alternatives = input.alternatives ?? (() => []);
  const attribute = analysis.attribute;
  const subject: WeightedTerm[] = model.words.filter(
    (w) => !analysis.ignored.includes(w.term) && !attribute.some((a) => a.includes(w.term)),
  );
  const shaped = hasShape(analysis.kind);
  const spansBySentence = new Map<number, AnswerSpan[]>();
  const spansOf = (i: number) => {
    let s = spansBySentence.get(i);
    if (s === undefined) {
      s = answerSpans(analysis, sentences[i]!.norm, tag);
      spansBySentence.set(i, s);
    }
    return s;
  };
  let best: { window: AnswerWindow; score: number } | undefined;
  for (let start = 0; start < sentences.length; start++) {
    for (let end = start; end <= Math.min(start + 1, sentences.length - 1); end++) {
      const norm = sentences.slice(start, end + 1).map((s) => s.norm).join('');
      if (attribute.length > 0 && !attribute.some((a) => holdsAttribute(a, norm, alternatives))) continue;
      const before = start > 0 ? sentences[start - 1]!.norm : '';
      const subjectShare = subject.length === 0 ? 1 : coverage(subject, norm + before, title);
      if (subjectShare < options.minSubject) continue;
      const whole = coverage(model.words, norm, title);
      if (!shaped && whole < options.minUnshaped) continue;
      const spans = shaped ? [...spansOf(start), ...(end > start ? spansOf(end).map((s) => ({ ...s, index: s.index + sentences[start]!.norm.length })) : [])] : [];
      if (shaped && spans.length === 0) continue;
      // One sentence that holds it all beats a pair.
      const score = whole + subjectShare - (end > start ? 0.1 : 0);
      if (best === undefined || score > best.score) best = { window: { start, end, spans, norm }, score };
    }
  }
  return best?.window;
}
