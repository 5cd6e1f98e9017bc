import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickExcerpt, sentencesOf } from '../../src/search/pick-excerpt.js';
import { buildQueryModel } from '../../src/search/query-model.js';
import { createTermStats } from '../../src/search/term-stats.js';
import { normalizeForMatch } from '../../src/text/normalize-for-match.js';
import { numberSpans } from '../../src/text/number-spans.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { profileTokenizer } from '../support/test-profile.js';

const words = profileTokenizer();
const stats = createTermStats();

/** Paragraphs of the repository's seed issues long enough to need trimming somewhere. */
function seedParagraphs(): string[] {
  const dir = new URL('../../seeds/', import.meta.url);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(new URL(f, dir), 'utf8').split('\n'))
    .map((line) => line.trim())
    .filter((line) => line.length >= 120 && !line.startsWith('#'));
}

const figuresOf = (text: string) => numberSpans(text).map((s) => text.slice(s.start, s.end));

const QUOTE_MARKS = /[“”「」『』《》]/u;
const QUOTE_MARKS_ALL = /[“”「」『』《》]/gu;

/**
 * Positions of `paragraph` strictly inside a jieba word, each sentence cut on its own as pickExcerpt
 * cuts them, in the paragraph with its quotation marks removed (an excerpt drops a mark whose partner
 * it leaves out), so the excerpt's pieces can be found in it.
 */
function unquotedWithInsideWords(paragraph: string): { text: string; inside: Set<number> } {
  const inside = new Set<number>();
  let text = '';
  for (const sentence of splitSentences(paragraph)) {
    let at = 0;
    const insideHere = new Set<number>();
    for (const piece of words.cut(sentence)) {
      for (let q = at + 1; q < at + piece.length; q++) insideHere.add(q);
      at += piece.length;
    }
    for (let i = 0; i < sentence.length; i++) {
      if (QUOTE_MARKS.test(sentence[i]!)) continue;
      if (insideHere.has(i)) inside.add(text.length);
      text += sentence[i];
    }
  }
  return { text, inside };
}

describe('pickExcerpt with the tokenizer, over the seed issues', () => {
  const paragraphs = seedParagraphs();

  it('stays within 200 characters, shows figures whole, and keeps the answering sentence', () => {
    expect(paragraphs.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.constantFrom(...paragraphs), fc.nat(), fc.nat(), (paragraph, w, k) => {
        const tokens = words.words(normalizeForMatch(paragraph));
        const question = `${tokens[w % tokens.length] ?? ''}是多少`;
        const model = buildQueryModel(words.query(normalizeForMatch(question)), stats, question);
        const passages = [sentencesOf(paragraph, splitSentences)];
        const sentence = k % passages[0]!.length;
        const { text } = pickExcerpt({ model, passages, focus: 0, anchor: { start: sentence, end: sentence }, words });
        expect(text.length).toBeLessThanOrEqual(200);
        const whole = new Set(figuresOf(paragraph));
        for (const f of figuresOf(text)) expect(whole.has(f), `${f} is a figure of the paragraph`).toBe(true);
        // A quotation mark whose partner lies outside the excerpt is dropped: compare without them.
        const unquoted = (t: string) => t.replace(/[“”「」『』《》]/gu, '').replace(/^[）)〉】]+/u, '');
        const answer = passages[0]![sentence]!.text.trim();
        if (answer.length <= 200) expect(unquoted(text)).toContain(unquoted(answer));
      }),
      { numRuns: 200 },
    );
  });

  it('cuts a sentence too long to show whole only between words', () => {
    const long = paragraphs.filter((p) => splitSentences(p).some((s) => s.length > 120));
    expect(long.length).toBeGreaterThan(3);
    let cutsChecked = 0;
    fc.assert(
      fc.property(fc.constantFrom(...long), fc.nat(), fc.integer({ min: 40, max: 120 }), (paragraph, w, max) => {
        const tokens = words.words(normalizeForMatch(paragraph));
        const question = `${tokens[w % tokens.length] ?? ''}是什么`;
        const model = buildQueryModel(words.query(normalizeForMatch(question)), stats, question);
        const { text } = pickExcerpt({ model, passages: [sentencesOf(paragraph, splitSentences)], focus: 0, max, words });
        expect(text.length).toBeLessThanOrEqual(max);
        const source = unquotedWithInsideWords(paragraph);
        const pieces = text.replace(QUOTE_MARKS_ALL, '').split('…');
        let from = 0;
        pieces.forEach((raw, i) => {
          const piece = raw.replace(/[，,；;：:、\s]+$/u, '');
          if (piece === '') return;
          const at = source.text.indexOf(piece, from);
          expect(at, `${piece} comes from the paragraph`).toBeGreaterThanOrEqual(0);
          from = at + piece.length;
          // The ends next to a … are cuts: never inside a word.
          if (i > 0) expect(source.inside.has(at), `cut before ${piece}`).toBe(false);
          if (i < pieces.length - 1) expect(source.inside.has(at + piece.length), `cut after ${piece}`).toBe(false);
          cutsChecked += (i > 0 ? 1 : 0) + (i < pieces.length - 1 ? 1 : 0);
        });
      }),
      { numRuns: 150 },
    );
    expect(cutsChecked).toBeGreaterThan(0);
  });
});
