import { describe, expect, it } from 'vitest';
import { pairedSpans, unpairedMarks } from '../../src/text/paired-spans.js';

describe('pairedSpans', () => {
  it('finds quotations, titles and brackets, nested ones too', () => {
    const text = '他说：“读《昌吉日报》（电子版）。”';
    expect(pairedSpans(text).map((s) => text.slice(s.start, s.end))).toEqual(['“读《昌吉日报》（电子版）。”', '《昌吉日报》', '（电子版）']);
  });

  it('leaves out a mark without its partner', () => {
    expect(pairedSpans('好。”然后“开始')).toEqual([]);
  });
});

describe('unpairedMarks', () => {
  it('reports quotation and title marks without a partner, not a list number', () => {
    expect(unpairedMarks('1）好。”然后《书')).toEqual([4, 7]);
  });
});
