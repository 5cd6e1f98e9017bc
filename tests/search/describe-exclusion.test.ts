import { describe, expect, it } from 'vitest';
import { EXCLUSION_PROBE_LIMIT } from '../../src/search/ask-with-syntax.js';
import { excludedAllLead } from '../../src/search/describe-exclusion.js';

describe('excludedAllLead', () => {
  it('names the count, the excluded words and how to see the reports', () => {
    expect(excludedAllLead('石门子水库', ['洪水'], 1)).toBe('找到 1 篇与「石门子水库」相关的报道，但它含“洪水”，已按你的要求排除，没有剩下的结果。去掉“-洪水”再问，就能看到它。');
    expect(excludedAllLead('棉花', ['基因', '广告'], 3)).toContain('但它们都含“基因”或“广告”');
    expect(excludedAllLead('棉花', ['基因'], EXCLUSION_PROBE_LIMIT)).toContain(`找到至少 ${EXCLUSION_PROBE_LIMIT} 篇`);
  });
});
