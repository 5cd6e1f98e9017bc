import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PASSAGE_MAX, PASSAGE_MIN, buildPassages } from '../../src/archive/build-passages.js';
import type { Article } from '../../src/archive/model.js';

const article = (paragraphs: string[], captions: string[] = []): Article => ({
  id: 'abc123def456',
  issueId: '12345678',
  title: '标题不进入段落',
  titleDerived: false,
  kind: 'news',
  paragraphs,
  captions,
  topics: [],
  places: [],
});

/** A Chinese-like sentence of `n` characters, with commas, ending in a full stop. */
const sentence = (maxLen: number) =>
  fc
    .array(fc.constantFrom('昌', '吉', '州', '棉', '花', '，', '1', '年'), { minLength: 1, maxLength: maxLen })
    .map((chars) => `${chars.join('')}。`);

describe('buildPassages', () => {
  it('gives ids articleId#n in order and leaves the title out', () => {
    const a = article(['第一句话很短。'.repeat(20), '第二段。'.repeat(30)]);
    const passages = buildPassages(a);
    expect(passages.length).toBeGreaterThan(1);
    expect(passages.map((p) => p.id)).toEqual(passages.map((_, n) => `abc123def456#${n}`));
    expect(passages.every((p) => p.articleId === a.id && !p.text.includes('标题不进入段落'))).toBe(true);
  });

  it('makes captions passages of their own', () => {
    const a = article(['正文第一段写得比较长，'.repeat(10) + '结束。'], ['无人机镜头里的风电项目建设现场。 □赵阳摄']);
    const passages = buildPassages(a);
    expect(passages[passages.length - 1]!.text).toBe('无人机镜头里的风电项目建设现场。 □赵阳摄');
  });

  it('cuts a sentence longer than the maximum at a comma', () => {
    const long = `${'很长的一个分句，'.repeat(60)}结束。`;
    const passages = buildPassages(article([long]));
    expect(passages.length).toBeGreaterThan(1);
    for (const p of passages.slice(0, -1)) expect(p.text.endsWith('，')).toBe(true);
    expect(passages.every((p) => p.text.length <= PASSAGE_MAX)).toBe(true);
  });

  it('loses and repeats nothing: passages joined equal paragraphs and captions joined', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(sentence(300), { minLength: 1, maxLength: 6 }), { maxLength: 6 }),
        fc.array(fc.array(sentence(60), { minLength: 1, maxLength: 3 }), { maxLength: 2 }),
        (paras, caps) => {
          const a = article(
            paras.map((s) => s.join('')),
            caps.map((s) => s.join('')),
          );
          const passages = buildPassages(a);
          expect(passages.map((p) => p.text).join('')).toBe([...a.paragraphs, ...a.captions].join(''));
          expect(passages.every((p) => p.text.length > 0 && p.text.length <= PASSAGE_MAX)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps every passage but the last at least the minimum when sentences are short', () => {
    fc.assert(
      fc.property(fc.array(fc.array(sentence(70), { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 8 }), (paras) => {
        const passages = buildPassages(article(paras.map((s) => s.join(''))));
        for (const p of passages.slice(0, -1)) expect(p.text.length).toBeGreaterThanOrEqual(PASSAGE_MIN);
        for (const p of passages) expect(p.text.length).toBeLessThanOrEqual(PASSAGE_MAX);
      }),
      { numRuns: 150 },
    );
  });

  it('ends every passage at a sentence end when no sentence is too long', () => {
    const paras = ['今年，全县粮食产量增长。'.repeat(9), '合作社带动农户增收。'.repeat(14)];
    for (const p of buildPassages(article(paras))) expect(p.text.endsWith('。')).toBe(true);
  });
});
