import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALLBACK_DATA_LIMIT, decodeCallback, encodeCallback, toReplyMarkup, type CallbackAction } from '../../src/telegram/keyboards.js';

const id = fc.stringMatching(/^[A-Za-z0-9_-]{1,48}$/);
const page = fc.integer({ min: 0, max: 99_999 });
const action: fc.Arbitrary<CallbackAction> = fc.oneof(
  fc.record({ kind: fc.constant('more' as const), key: id, page }),
  fc.record({ kind: fc.constant('article' as const), articleId: id, part: page }),
  fc.record({ kind: fc.constant('issue' as const), issueId: id }),
  fc.record({ kind: fc.constant('openIssue' as const), issueId: id }),
  fc.record({ kind: fc.constant('issues' as const), page }),
  fc.record({ kind: fc.constant('topic' as const), index: page, page }),
  fc.constant({ kind: 'topics' as const }),
);

describe('encodeCallback', () => {
  it('uses the short documented formats', () => {
    expect(encodeCallback({ kind: 'article', articleId: 'a1b2', part: 0 })).toBe('a:a1b2:0');
    expect(encodeCallback({ kind: 'more', key: 'k3', page: 2 })).toBe('m:k3:2');
    expect(encodeCallback({ kind: 'issue', issueId: '000_79b3c460d300cb0d' })).toBe('i:000_79b3c460d300cb0d');
    expect(encodeCallback({ kind: 'issues', page: 1 })).toBe('il:1');
    expect(encodeCallback({ kind: 'topic', index: 3, page: 0 })).toBe('t:3:0');
  });

  it('round-trips every action within 64 bytes (property)', () => {
    fc.assert(
      fc.property(action, (a) => {
        const data = encodeCallback(a);
        expect(Buffer.byteLength(data, 'utf8')).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
        expect(decodeCallback(data)).toEqual(a);
      }),
    );
  });

  it('refuses an id with Chinese characters or separators', () => {
    expect(() => encodeCallback({ kind: 'issue', issueId: '昌吉' })).toThrow(RangeError);
    expect(() => encodeCallback({ kind: 'article', articleId: 'a:b', part: 0 })).toThrow(RangeError);
  });
});

describe('decodeCallback', () => {
  it('returns undefined for forged, truncated or foreign data', () => {
    for (const data of ['', 'a', 'a:x', 'a:x:y', 'a:x:1:2', 'i:', 'i:a b', 'il:-1', 'm:k', 't:1', 's:sub', '昌吉', 'a:昌吉:0', 'tl:1']) {
      expect(decodeCallback(data)).toBeUndefined();
    }
  });
});

describe('toReplyMarkup', () => {
  it('encodes actions, keeps links and drops empty rows', () => {
    expect(
      toReplyMarkup([[{ text: '读', action: { kind: 'article', articleId: 'x', part: 1 } }], [], [{ text: '链接', url: 'https://t.me/b' }]]),
    ).toEqual({ inline_keyboard: [[{ text: '读', callback_data: 'a:x:1' }], [{ text: '链接', url: 'https://t.me/b' }]] });
    expect(toReplyMarkup([[]])).toBeUndefined();
  });
});
