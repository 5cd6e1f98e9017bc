import { describe, expect, it } from 'vitest';
import { dateFromPath } from '../../src/ingest/path-date.js';

describe('dateFromPath', () => {
  it('reads the day from the layouts archives are filed in', () => {
    expect(dateFromPath('2024/11/07/A01.txt')).toBe('2024-11-07');
    expect(dateFromPath('20241107_01.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024-11-07.txt')).toBe('2024-11-07');
    expect(dateFromPath('cjrb/2024_11_07/page3.txt')).toBe('2024-11-07');
  });

  it('gives nothing for names without a valid date', () => {
    expect(dateFromPath('000_79b3c460d300cb0d.txt')).toBeUndefined();
    expect(dateFromPath('2024/13/40/A01.txt')).toBeUndefined();
    expect(dateFromPath('12024110799.txt')).toBeUndefined();
    expect(dateFromPath('2024-11/07.txt')).toBeUndefined();
  });
});
