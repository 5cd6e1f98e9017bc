import { describe, expect, it } from 'vitest';
import { guessScript, toScript } from '../../src/text/convert-script.js';

describe('guessScript', () => {
  it('reads a question in traditional characters as traditional', () => {
    expect(guessScript('木壘縣有多少畝冬小麥')).toBe('traditional');
  });

  it('reads a question in simplified characters as simplified', () => {
    expect(guessScript('木垒县有多少亩冬小麦')).toBe('simplified');
  });

  it('cannot tell from text written the same in both, or from no Chinese at all', () => {
    expect(guessScript('你好')).toBeUndefined();
    expect(guessScript('怎么用')).not.toBe('traditional');
    expect(guessScript('/latest 2024')).toBeUndefined();
  });
});

describe('toScript', () => {
  it('converts Chinese characters and leaves tags, entities and numbers alone', () => {
    expect(toScript('<b>冬小麦</b> &amp; 昌吉日报 · 第12124期', 'traditional')).toBe('<b>冬小麥</b> &amp; 昌吉日報 · 第12124期');
  });

  it('keeps the text as it is for simplified', () => {
    expect(toScript('冬小麦', 'simplified')).toBe('冬小麦');
  });

  it('keeps the length of the text (one character for one)', () => {
    const text = '昌吉州各县市推进农业农村现代化，冬小麦播种面积稳定，棉花产业发展迅速。';
    expect(toScript(text, 'traditional')).toHaveLength(text.length);
  });
});
