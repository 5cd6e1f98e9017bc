import { describe, expect, it } from 'vitest';
import { findForeignPages, freePath, refiledPath } from '../../src/ingest/find-foreign-pages.js';
import { testProfile } from '../support/test-profile.js';

const paper = testProfile.paper;
const body = (title: string) => `## ${title}\n\n本报讯 玛纳斯县各乡镇抓住有利天气，组织农机下田整地播种，${title}工作有序推进。\n`;
const page = (masthead: string, title: string) => `${masthead}\n\n${body(title)}`;
const nov7 = '2024年11月\n\n7\n\n星期四\n\n总第12124期';
const nov8 = '2024年11月\n\n8\n\n星期五\n\n总第12125期';

describe('findForeignPages', () => {
  it('leaves out a page whose masthead names another date and number, saying where it belongs', () => {
    const found = findForeignPages(
      [
        { rel: '2024/11/07/01.txt', text: page(nov7, '春耕备耕') },
        { rel: '2024/11/07/02.txt', text: page(nov8, '冬小麦播种') },
      ],
      '2024-11-07',
      paper,
    );
    expect([...found.foreign.keys()]).toEqual(['2024/11/07/02.txt']);
    const message = found.foreign.get('2024/11/07/02.txt')!;
    expect(message).toMatch(/^2024\/11\/07\/02\.txt was left out \(misfiled\)/u);
    expect(message).toContain('2024-11-08 总第12125期');
    expect(message).toContain('2024/11/07/01.txt prints 2024-11-07 总第12124期');
    expect(message).toContain('move it to 2024/11/08/02.txt');
    expect(found.misprints).toEqual([]);
  });

  it('never advises moving a page onto a file already there: it names a free one and the page to compare (QA O1)', () => {
    const taken = new Set(['2024/11/08/01.txt', '2024/11/08/02.txt']);
    const found = findForeignPages(
      [
        { rel: '2024/11/07/01.txt', text: page(nov7, '春耕备耕') },
        { rel: '2024/11/07/02.txt', text: page(nov8, '冬小麦播种') },
      ],
      '2024-11-07',
      paper,
      (rel) => taken.has(rel),
    );
    const message = found.foreign.get('2024/11/07/02.txt')!;
    expect(message).toContain('move it to 2024/11/08/03.txt (2024/11/08/02.txt is already there: first check that it is not the same page)');
  });

  it('takes the page agreeing with the folder as the issue, even when it is not the first', () => {
    const found = findForeignPages(
      [
        { rel: '2024/11/08/01.txt', text: page(nov7, '春耕备耕') },
        { rel: '2024/11/08/02.txt', text: page(nov8, '冬小麦播种') },
      ],
      '2024-11-08',
      paper,
    );
    expect([...found.foreign.keys()]).toEqual(['2024/11/08/01.txt']);
    expect(found.foreign.get('2024/11/08/01.txt')).toContain('move it to 2024/11/07/01.txt');
  });

  it('keeps a page that agrees in its number but misprints the date, and says so', () => {
    const found = findForeignPages(
      [
        { rel: '20241107_01.txt', text: page(nov7, '春耕备耕') },
        { rel: '20241107_02.txt', text: page('2024年11月\n\n8\n\n总第12124期', '冬小麦播种') },
      ],
      '2024-11-07',
      paper,
    );
    expect(found.foreign.size).toBe(0);
    expect(found.misprints).toEqual([expect.stringMatching(/20241107_02\.txt prints 2024-11-08 总第12124期 but 20241107_01\.txt prints 2024-11-07 总第12124期; kept/u)]);
  });

  it('keeps inner pages printing no masthead, and pages agreeing with page 1', () => {
    const found = findForeignPages(
      [
        { rel: '2024/11/07/01.txt', text: page(nov7, '春耕备耕') },
        { rel: '2024/11/07/02.txt', text: body('冬小麦播种') },
        { rel: '2024/11/07/03.txt', text: page(nov7, '棉花收购') },
      ],
      '2024-11-07',
      paper,
    );
    expect(found).toEqual({ foreign: new Map(), misprints: [] });
  });
});

describe('refiledPath', () => {
  it('puts another date into a path in the same layout', () => {
    expect(refiledPath('2024/11/07/A02.txt', '2024-12-01')).toBe('2024/12/01/A02.txt');
    expect(refiledPath('cjrb/20241107_02.txt', '2024-11-08')).toBe('cjrb/20241108_02.txt');
    expect(refiledPath('2024-11-07-02.txt', '2024-11-08')).toBe('2024-11-08-02.txt');
    expect(refiledPath('misc/02.txt', '2024-11-08')).toBeUndefined();
  });
});

describe('freePath', () => {
  it('counts up the last number of a taken name, keeping its digits', () => {
    const taken = new Set(['2024/11/08/02.txt', '2024/11/08/03.txt', '20241108_09.txt']);
    expect(freePath('2024/11/08/02.txt', (r) => taken.has(r))).toBe('2024/11/08/04.txt');
    expect(freePath('20241108_09.txt', (r) => taken.has(r))).toBe('20241108_10.txt');
    expect(freePath('2024/11/08/05.txt', (r) => taken.has(r))).toBe('2024/11/08/05.txt');
  });

  it('adds a number to a taken name that has none', () => {
    expect(freePath('2024/11/08/page.txt', (r) => r === '2024/11/08/page.txt')).toBe('2024/11/08/page-2.txt');
  });
});
