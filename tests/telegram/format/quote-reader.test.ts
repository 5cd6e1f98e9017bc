import { describe, expect, it } from 'vitest';
import { quoteReader } from '../../../src/telegram/format/quote-reader.js';

describe('quoteReader', () => {
  it('drops direction controls, which would reverse the rest of the reply line', () => {
    expect(quoteReader('\u202e石门子水库\u2066有多高\u2069')).toBe('石门子水库有多高');
  });

  it('cuts a long text to its beginning and marks the cut', () => {
    expect(quoteReader('农'.repeat(5000))).toBe(`${'农'.repeat(29)}…`);
    expect(quoteReader('水库有多高', 4)).toBe('水库有…');
  });

  it('escapes HTML and collapses blanks and zero-width characters', () => {
    expect(quoteReader('<b>水库</b>\n\u200b有多高')).toBe('&lt;b&gt;水库&lt;/b&gt; 有多高');
  });
});
