import { describe, expect, it } from 'vitest';
import { noneLead, relatedLead, subjectWords } from '../../src/search/describe-outcome.js';
import type { Answer, SearchResult } from '../../src/search/types.js';

const result = (highlights: string[]): SearchResult => ({
  articleId: 'a',
  issueId: 'i',
  passageId: 'a#0',
  title: '标题',
  paper: '昌吉日报',
  date: '2024-11-07',
  dateSource: 'masthead',
  excerpt: '',
  highlights,
  score: 1,
});
const answer = (query: string, highlights: string[][], asks?: Answer['asks']): Pick<Answer, 'query' | 'results' | 'asks'> => ({
  query,
  results: highlights.map(result),
  ...(asks !== undefined ? { asks } : {}),
});

describe('subjectWords', () => {
  it('names the subject with the bolded words the reader also wrote, longest first', () => {
    expect(subjectWords(answer('石门子水库的电话是多少', [['石门子水库', '水库', '电话'], ['就医']], { kind: 'quantity', attribute: ['电话'] }))).toEqual(['石门子水库']);
  });

  it('leaves out generic and time words', () => {
    expect(subjectWords(answer('今天有什么棉花的报道', [['今天', '棉花', '报道']]))).toEqual(['棉花']);
  });

  it('matches a traditional question against the simplified text', () => {
    expect(subjectWords(answer('石門子水庫多高', [['石门子水库']]))).toEqual(['石门子水库']);
  });
});

describe('relatedLead', () => {
  it('says which fact none of the reports gives', () => {
    expect(relatedLead(answer('石门子水库的电话是多少', [['石门子水库']], { kind: 'quantity', attribute: ['电话'], fact: '电话' }))).toBe('报纸上有关于「石门子水库」的报道，但没有一篇写明「电话」是多少。');
    expect(relatedLead(answer('石门子水库哪一年成立', [['石门子水库']], { kind: 'date', attribute: ['成立'], fact: '成立' }))).toBe('报纸上有关于「石门子水库」的报道，但没有一篇写明「成立」的时间。');
  });

  it('names no fact the question analysis found no name for (a verb, a person\'s name)', () => {
    expect(relatedLead(answer('刘兵山今年多少岁', [['刘兵山']], { kind: 'quantity', attribute: ['刘兵山'] }))).toBe('报纸上有相关的报道，但没有一篇写明你问的具体数字。');
  });

  it('says it without quoting when the attribute or the subject is no content word', () => {
    expect(relatedLead(answer('怎么做', [['做法']], { kind: 'method', attribute: ['做'] }))).toBe('报纸上有相关的报道，但没有一篇写明你问的具体做法。');
    expect(relatedLead(answer('有没有冬小麦的报道', [['冬小麦']], { kind: 'yesno', attribute: ['报道'] }))).toBe('报纸上有关于「冬小麦」的报道，但没有一篇写明你问的这一点。');
  });
});

describe('noneLead', () => {
  it('quotes a short question whole, and a contentless or long one not at all', () => {
    expect(noneLead('火星探测')).toBe('抱歉，资料库里没有找到与「火星探测」相关的报道。');
    expect(noneLead('做')).toBe('抱歉，资料库里没有找到与这个问题相关的报道。');
    expect(noneLead('请问一下昌吉州明年的火星探测计划什么时候开始报名呢')).toBe('抱歉，资料库里没有找到与这个问题相关的报道。');
  });
});
