import { describe, expect, it } from 'vitest';
import { createQueryStore } from '../../src/telegram/query-store.js';

describe('createQueryStore', () => {
  it('recalls a question by its short key', () => {
    const store = createQueryStore();
    const key = store.remember('木垒县有多少亩冬小麦');
    expect(key).toMatch(/^[0-9a-z]+$/);
    expect(store.recall(key)).toBe('木垒县有多少亩冬小麦');
  });
  it('gives the same key to the same question', () => {
    const store = createQueryStore();
    expect(store.remember('甲')).toBe(store.remember('甲'));
  });
  it('forgets the least recently used question beyond its capacity', () => {
    const store = createQueryStore(2);
    const a = store.remember('甲');
    const b = store.remember('乙');
    store.recall(a);
    const c = store.remember('丙');
    expect(store.recall(b)).toBeUndefined();
    expect(store.recall(a)).toBe('甲');
    expect(store.recall(c)).toBe('丙');
  });
});

describe('createQueryStore across a restart', () => {
  it('does not hand out a key an earlier store used', () => {
    const before = createQueryStore(10, 'ab');
    const after = createQueryStore(10, 'cd');
    const old = before.remember('甲');
    after.remember('乙');
    expect(after.recall(old)).toBeUndefined();
  });
});
