import { describe, expect, it } from 'vitest';
import { dateFromPath, matchPathDate, monthFolderOf, pathDateConflict } from '../../src/ingest/path-date.js';

describe('dateFromPath', () => {
  it('reads the day from the layouts archives are filed in', () => {
    expect(dateFromPath('2024/11/07/A01.txt')).toBe('2024-11-07');
    expect(dateFromPath('20241107_01.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024-11-07.txt')).toBe('2024-11-07');
    expect(dateFromPath('cjrb/2024_11_07/page3.txt')).toBe('2024-11-07');
  });

  it('reads a day filed under year and month folders', () => {
    expect(dateFromPath('2024/11/07.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024/11/07_02.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024/1/7.txt')).toBe('2024-01-07');
    expect(dateFromPath('2024/11/7/01.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024-11/07.txt')).toBe('2024-11-07');
    expect(dateFromPath('cjrb/202411/07/A01.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024年/11月/7日.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024年11月/7日/01.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024年11月7日.txt')).toBe('2024-11-07');
    expect(dateFromPath('2024/11/1107.txt')).toBe('2024-11-07');
  });

  it('gives nothing for names without a valid date', () => {
    expect(dateFromPath('000_79b3c460d300cb0d.txt')).toBeUndefined();
    expect(dateFromPath('2024/13/40/A01.txt')).toBeUndefined();
    expect(dateFromPath('12024110799.txt')).toBeUndefined();
    expect(dateFromPath('2024/02/30.txt')).toBeUndefined();
  });

  it('does not take a page or a serial number under a month folder for a day', () => {
    expect(dateFromPath('2024/11/page-07.txt')).toBeUndefined();
    expect(dateFromPath('2024/11/A07.txt')).toBeUndefined();
    expect(dateFromPath('2020/01/0000.txt')).toBeUndefined();
    expect(dateFromPath('2028/12/2999.txt')).toBeUndefined();
    expect(dateFromPath('2024/11/107.txt')).toBeUndefined();
    // The month folder and a month-day name must agree.
    expect(dateFromPath('2024/11/1207.txt')).toBeUndefined();
  });

  it('ends the match at the day, so what follows is a page or the issue’s folder', () => {
    expect(matchPathDate('2024/11/7_01.txt')).toEqual({ date: '2024-11-07', start: 0, end: '2024/11/7'.length });
    expect(matchPathDate('x/2024-11/07/02.txt')).toEqual({ date: '2024-11-07', start: 2, end: 'x/2024-11/07'.length });
  });
});

describe('monthFolderOf', () => {
  it('names the month folder of a path that names no day', () => {
    expect(monthFolderOf('2024/11/page-07.txt')).toBe('2024/11');
    expect(monthFolderOf('cjrb/2024-11/A07.txt')).toBe('2024-11');
    expect(monthFolderOf('2024/11/07.txt')).toBeUndefined();
    expect(monthFolderOf('misc/note.txt')).toBeUndefined();
  });
});

describe('pathDateConflict', () => {
  it('names a month folder that disagrees with the day in the name, and nothing when they agree', () => {
    expect(pathDateConflict('2024/12/20241107.txt')).toBe("filed in the folder 2024/12 but its name gives 2024-11-07; using the name's date");
    expect(pathDateConflict('2024/12/2024-11-07/01.txt')).toContain('2024/12');
    expect(pathDateConflict('2024/11/20241107.txt')).toBeUndefined();
    expect(pathDateConflict('2024/11/07/01.txt')).toBeUndefined();
    expect(pathDateConflict('2024/11/1107.txt')).toBeUndefined();
  });
});
