import { describe, expect, it } from 'vitest';
import { createSilentLogger } from '../../src/logger.js';
import { boundQuestion, MAX_SEARCHED_CHARS, shortenedNote } from '../../src/search/bound-question.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import { createTokenizer, type Tokenizer } from '../../src/text/tokenizer.js';
import { fixtureIssues } from '../fixtures/search/issues.js';
import { testProfile } from '../support/test-profile.js';

describe('boundQuestion', () => {
  it('keeps a message of at most the bound whole', () => {
    const text = '奇'.repeat(MAX_SEARCHED_CHARS);
    expect(boundQuestion(text)).toEqual({ text, shortened: false });
  });

  it('keeps the first characters of a longer message', () => {
    expect(boundQuestion('奇台县马铃薯亩产多少', 6)).toEqual({ text: '奇台县马铃薯', shortened: true });
  });

  it('cuts after the last sentence end in the second half of what is kept', () => {
    expect(boundQuestion('奇台县种马铃薯。亩产多少？还有别的', 12)).toEqual({ text: '奇台县种马铃薯。', shortened: true });
  });

  it('does not cut at a sentence end in the first half', () => {
    expect(boundQuestion('好。奇台县马铃薯亩产多少', 8)).toEqual({ text: '好。奇台县马铃薯', shortened: true });
  });

  it('counts characters, never splitting one outside the basic plane', () => {
    const bounded = boundQuestion('𠀀𠀁𠀂𠀃', 3);
    expect(bounded).toEqual({ text: '𠀀𠀁𠀂', shortened: true });
  });

  it('names how many characters were searched', () => {
    expect(shortenedNote('奇台县马铃薯')).toContain('开头的 6 个字');
  });
});

/** A tokenizer that counts the characters it is given: the search's work on a question grows with them. */
function countingTokenizer(): { tokenizer: Tokenizer; chars: () => number; reset: () => void } {
  const real = createTokenizer(testProfile);
  let chars = 0;
  const counted = <A extends unknown[], R>(f: (text: string, ...rest: A) => R) => (text: string, ...rest: A): R => {
    chars += text.length;
    return f(text, ...rest);
  };
  const tokenizer: Tokenizer = {
    words: counted((t) => real.words(t)),
    bigrams: counted((t) => real.bigrams(t)),
    query: counted((t, o?: Parameters<Tokenizer['query']>[1]) => real.query(t, o)),
    isStopword: (w) => real.isStopword(w),
    guessed: counted((w) => real.guessed(w)),
    cut: counted((t) => real.cut(t)),
    tag: counted((t) => real.tag(t)),
  };
  return { tokenizer, chars: () => chars, reset: () => (chars = 0) };
}

describe('a long message', () => {
  const question = '奇台县马铃薯平均亩产多少？';
  const filler = '这是读者贴进来的一大段文字，和问题没有关系。';
  const long = (chars: number) => (question + filler.repeat(Math.ceil(chars / filler.length))).slice(0, chars);
  /** The tokenizer's work (characters given to it) for one message, on an engine that has answered nothing yet. */
  const workFor = async (message: string) => {
    const counter = countingTokenizer();
    const engine = await createSearchEngine({ issues: fixtureIssues(), paper: testProfile.paper, profile: testProfile, logger: createSilentLogger(), tokenizer: counter.tokenizer });
    counter.reset();
    const answer = engine.search(message);
    return { answer, chars: counter.chars() };
  };

  it('is searched by its beginning, and the answer says so', async () => {
    const { answer } = await workFor(long(5_000));
    expect(answer.shortened).toBe(true);
    expect(Array.from(answer.query).length).toBeLessThanOrEqual(MAX_SEARCHED_CHARS);
    expect(long(5_000).startsWith(answer.query)).toBe(true);
  });

  it('finds the article of a pasted stretch of its text', async () => {
    const potato = fixtureIssues()[0]!.articles.find((a) => a.id === 'potato')!;
    const pasted = potato.paragraphs.join('').repeat(30);
    expect(pasted.length).toBeGreaterThan(4_000);
    const { answer } = await workFor(pasted);
    expect(answer.shortened).toBe(true);
    expect(answer.results[0]?.articleId).toBe('potato');
  });

  it('costs the tokenizer no more at 20,000 characters than its beginning alone does', async () => {
    const longer = await workFor(long(20_000));
    const prefix = await workFor(longer.answer.query);
    expect(prefix.answer.shortened).toBeUndefined();
    expect(prefix.chars).toBeGreaterThan(0);
    expect(longer.chars).toBe(prefix.chars);
  });

  it('leaves a question within the bound untouched', async () => {
    const { answer } = await workFor(question);
    expect(answer.shortened).toBeUndefined();
    expect(answer.query).toBe(question);
  });
});
