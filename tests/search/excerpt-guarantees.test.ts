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
});
