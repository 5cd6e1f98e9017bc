import { describe, expect, it } from 'vitest';
import { plainQuery } from '../../src/search/plain-query.js';

describe('plainQuery', () => {
  it('drops HTML tags and keeps their text', () => {
    expect(plainQuery('<b>棉花</b>种植面积')).toBe('棉花种植面积');
    expect(plainQuery('<a href="https://example.org/x">石门子水库</a>')).toBe('石门子水库');
  });

  it('decodes named and numeric entities', () => {
    expect(plainQuery('&amp; 棉花 &lt;')).toBe('& 棉花 <');
    expect(plainQuery('&#26825;&#x82B1;')).toBe('棉花');
    expect(plainQuery('&ldquo;红色驿站&rdquo;')).toBe('“红色驿站”');
  });

  it('leaves text that only looks like markup alone', () => {
    expect(plainQuery('1<2 且 3>2')).toBe('1<2 且 3>2');
    expect(plainQuery('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});
