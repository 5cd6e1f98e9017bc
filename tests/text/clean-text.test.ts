import { describe, expect, it } from 'vitest';
import { cleanText, displayWidth, fixSpacing, fullWidthPunctuation, joinWrappedLines, normalizeNewlines, stripInlineMarkup } from '../../src/text/clean-text.js';

describe('cleanText', () => {
  it('removes OCR spaces inside Chinese words', () => {
    expect(cleanText('特困人 员 基 本 生 活 救 助 保 障 标 准 增 幅')).toBe('特困人员基本生活救助保障标准增幅');
  });

  it('removes spaces between Chinese and digits', () => {
    expect(cleanText('已完善 30 个“红色驿站”和 7 个“司机之家”')).toBe('已完善30个“红色驿站”和7个“司机之家”');
    expect(cleanText('截至 2025 年 8 月，殡仪服务车5 辆')).toBe('截至2025年8月，殡仪服务车5辆');
  });

  it('keeps the space between two headline phrases', () => {
    expect(cleanText('高标准建设 高科技护航')).toBe('高标准建设 高科技护航');
    expect(cleanText('“文明昌吉 志愿之城”')).toBe('“文明昌吉 志愿之城”');
  });

  it('joins a spaced two-character name in a photo credit', () => {
    expect(cleanText('□赵 阳摄')).toBe('□赵阳摄');
    expect(cleanText('本报记者 陶维明 摄')).toBe('本报记者 陶维明摄');
  });

  it('joins hard-wrapped lines without adding spaces between Chinese characters', () => {
    expect(cleanText('社会工作是党和国家工作的重要\n组成部分，事关党长期执政')).toBe('社会工作是党和国家工作的重要组成部分，事关党长期执政');
  });

  it('keeps ASCII words apart when a wrap falls between them', () => {
    expect(joinWrappedLines(['the ω-force', 'model'])).toBe('the ω-force model');
    expect(cleanText('成员单位 and 科技系统干部')).toBe('成员单位 and 科技系统干部');
    expect(cleanText('从Z开始')).toBe('从Z开始');
  });

  it('strips HTML tags and keeps their text', () => {
    expect(cleanText('昌吉市PM<sub>2.5</sub>平均浓度')).toBe('昌吉市PM2.5平均浓度');
    expect(stripInlineMarkup('a<br/>b<span class="x">c</span>')).toBe('abc');
  });

  it('keeps an autolink, which is text rather than a tag', () => {
    expect(stripInlineMarkup('中国昌吉网:<http://www.cjxww.cn>')).toBe('中国昌吉网:<http://www.cjxww.cn>');
  });

  it('strips markdown bold markers', () => {
    expect(cleanText('**本报讯** 通讯员钟丽萍报道')).toBe('本报讯 通讯员钟丽萍报道');
  });

  it('turns half-width punctuation in Chinese text into full-width and leaves numbers alone', () => {
    expect(fullWidthPunctuation('报道:11月4日,培训(福州)开班;好!')).toBe('报道：11月4日，培训（福州）开班；好！');
    expect(fullWidthPunctuation('1,000 and 10:30')).toBe('1,000 and 10:30');
  });

  it('normalises BOM and CRLF', () => {
    expect(normalizeNewlines('\uFEFF第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
    expect(cleanText('\uFEFF特困\r\n人员')).toBe('特困人员');
  });

  it('drops spaces next to full-width punctuation', () => {
    expect(fixSpacing('建设现场。 □赵阳摄')).toBe('建设现场。□赵阳摄');
    expect(fixSpacing('主管主办  ')).toBe('主管主办');
  });
});

describe('displayWidth', () => {
  it('counts ASCII as half a Chinese character', () => {
    expect(displayWidth('康。2024年')).toBe(5);
    expect(displayWidth('ab')).toBe(1);
  });
});
