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

  it('converts word by word: no phrase across a word boundary, a lone measure word after a numeral', () => {
    expect(toScript('安装87台风力发电机组', 'traditional')).toBe('安裝87臺風力發電機組');
    expect(toScript('新增三台风机，台风来临前完工', 'traditional')).toBe('新增三臺風機，颱風來臨前完工');
    expect(toScript('踏上新征程', 'traditional')).toBe('踏上新征程');
    expect(toScript('头发，面条里面', 'traditional')).toBe('頭髮，麵條裡面');
  });

  it('keeps a surname OpenCC would read as another word (余再兴, 于萍) but converts the words 于是 and 余下', () => {
    expect(toScript('副州长余再兴出席，记者于萍报道', 'traditional')).toBe('副州長余再興出席，記者于萍報道');
    expect(toScript('于是他说，余下的工作于11月完成', 'traditional')).toBe('於是他說，餘下的工作於11月完成');
  });

  it('keeps the text as it is for simplified', () => {
    expect(toScript('冬小麦', 'simplified')).toBe('冬小麦');
  });

  it('keeps the length of the text (one character for one)', () => {
    const text = '昌吉州各县市推进农业农村现代化，冬小麦播种面积稳定，棉花产业发展迅速。';
    expect(toScript(text, 'traditional')).toHaveLength(text.length);
  });
});
