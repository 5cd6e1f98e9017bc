import { describe, expect, it } from 'vitest';
import { DERIVED_TITLE_MAX, deriveTitle } from '../../src/ingest/derive-title.js';

describe('deriveTitle', () => {
  it('takes the lead sentence without its opening date and closing stop', () => {
    expect(deriveTitle('11月4日，位于奇台县的厂区，车辆正在灌装液体二氧化碳。今年初，项目试车。')).toBe('位于奇台县的厂区，车辆正在灌装液体二氧化碳');
    expect(deriveTitle('3月4日上午，居民代表陆续到场。')).toBe('居民代表陆续到场');
  });

  it('cuts a long lead sentence at a comma', () => {
    const title = deriveTitle(`${'新疆准东经济技术开发区中煤建设集团有限公司'.repeat(2)}，工作人员正在检修设备，确保设备安全高效运行。`);
    expect(title.length).toBeLessThanOrEqual(DERIVED_TITLE_MAX);
    expect(title.endsWith('，')).toBe(false);
  });

  it('shortens a long sentence without commas with an ellipsis', () => {
    const title = deriveTitle(`${'很长'.repeat(40)}。`);
    expect(title.length).toBe(DERIVED_TITLE_MAX);
    expect(title.endsWith('…')).toBe(true);
  });
});
