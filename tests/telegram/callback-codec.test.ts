import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT, type CallbackCodec } from '../../src/telegram/callback-codec.js';
import { answerPageButton } from '../../src/telegram/features/ask-buttons.js';
import { issueButton, issuesPageButton, openIssueButton } from '../../src/telegram/features/browse-buttons.js';
import { readButton } from '../../src/telegram/features/read-buttons.js';
import { topicListButton, topicPageButton } from '../../src/telegram/features/topics-buttons.js';
import { toReplyMarkup } from '../../src/telegram/keyboards.js';

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,48}$/);
const n = fc.integer({ min: 0, max: 99_999 });

/** Every codec with values it must round-trip. */
const cases: [string, CallbackCodec<never>, fc.Arbitrary<unknown>][] = [
  ['read', readButton as CallbackCodec<never>, fc.record({ articleId: id, part: n })],
  ['issue', issueButton as CallbackCodec<never>, id],
  ['openIssue', openIssueButton as CallbackCodec<never>, id],
  ['issuesPage', issuesPageButton as CallbackCodec<never>, n],
  ['topicPage', topicPageButton as CallbackCodec<never>, fc.record({ index: n, page: n })],
  ['topicList', topicListButton as CallbackCodec<never>, fc.constant(true)],
  ['answerPage', answerPageButton as CallbackCodec<never>, fc.record({ key: id, page: n, order: fc.constantFrom('relevance' as const, 'date' as const) })],
];

describe('feature button codecs', () => {
  it('use the short documented formats', () => {
    expect(readButton.encode({ articleId: 'a1b2', part: 0 })).toBe('a:a1b2:0');
    expect(answerPageButton.encode({ key: 'k3', page: 2, order: 'date' })).toBe('m:k3:2:d');
    expect(issueButton.encode('000_79b3c460d300cb0d')).toBe('i:000_79b3c460d300cb0d');
    expect(issuesPageButton.encode(1)).toBe('il:1');
    expect(topicPageButton.encode({ index: 3, page: 0 })).toBe('t:3:0');
    expect(topicListButton.encode(true)).toBe('tl');
  });

  it.each(cases)('%s round-trips every value within 64 bytes (property)', (_name, codec, values) => {
    fc.assert(
      fc.property(values, (v) => {
        const data = codec.encode(v as never);
        expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
        expect(codec.filter.test(data)).toBe(true);
        expect(codec.decode(data)).toEqual(v);
      }),
    );
  });

  it('match only their own data: no filter takes another codec’s data', () => {
    const samples = ['a:x:1', 'm:k:0:r', 'i:x', 'o:x', 'il:0', 't:1:0', 'tl'];
    for (const [, codec] of cases) expect(samples.filter((s) => codec.filter.test(s))).toHaveLength(1);
  });

  it('refuse an id with Chinese characters or separators', () => {
    expect(() => issueButton.encode('昌吉')).toThrow(RangeError);
    expect(() => readButton.encode({ articleId: 'a:b', part: 0 })).toThrow(RangeError);
  });

  it('decode forged, truncated or foreign data to undefined', () => {
    for (const data of ['', 'a', 'a:x', 'a:x:y', 'a:x:1:2', 'a:昌吉:0']) expect(readButton.decode(data)).toBeUndefined();
    for (const data of ['i:', 'i:a b', 'i:a:b']) expect(issueButton.decode(data)).toBeUndefined();
    for (const data of ['il:-1', 'il:']) expect(issuesPageButton.decode(data)).toBeUndefined();
    for (const data of ['tl:1', 't:1']) expect([topicListButton.decode(data), topicPageButton.decode(data)]).toEqual([undefined, undefined]);
    for (const data of ['m:k', 'm:k:1:x', 'm:k:1:d:2']) expect(answerPageButton.decode(data)).toBeUndefined();
  });

  it('read a paging button from before the order existed as relevance order', () => {
    expect(answerPageButton.decode('m:k3:2')).toEqual({ key: 'k3', page: 2, order: 'relevance' });
  });
});

describe('toReplyMarkup', () => {
  it('keeps callback data and links and drops empty rows', () => {
    expect(toReplyMarkup([[{ text: '读', data: 'a:x:1' }], [], [{ text: '链接', url: 'https://t.me/b' }]])).toEqual({
      inline_keyboard: [[{ text: '读', callback_data: 'a:x:1' }], [{ text: '链接', url: 'https://t.me/b' }]],
    });
    expect(toReplyMarkup([[]])).toBeUndefined();
  });

  it('refuses callback data over 64 bytes', () => {
    expect(() => toReplyMarkup([[{ text: 'x', data: 'x'.repeat(65) }]])).toThrow(RangeError);
  });
});
