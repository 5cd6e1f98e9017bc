import { describe, expect, it } from 'vitest';
import { stripHtml } from '../../src/text/strip-html.js';

describe('stripHtml', () => {
  it('drops HTML tags and keeps their text', () => {
    expect(stripHtml('<b>棉花</b>种植面积')).toBe('棉花种植面积');
    expect(stripHtml('<a href="https://example.org/x">石门子水库</a>')).toBe('石门子水库');
  });

  it('decodes named and numeric entities', () => {
    expect(stripHtml('&amp; 棉花 &lt;')).toBe('& 棉花 <');
    expect(stripHtml('&#26825;&#x82B1;')).toBe('棉花');
    expect(stripHtml('&ldquo;红色驿站&rdquo;')).toBe('“红色驿站”');
  });

  it('leaves text that only looks like markup alone', () => {
    expect(stripHtml('1<2 且 3>2')).toBe('1<2 且 3>2');
    expect(stripHtml('&unknown; &#0;')).toBe('&unknown; &#0;');
  });
});
