import { describe, expect, it } from 'vitest';
import { escapeHtml, highlightTerms, htmlToPlainText, unescapeHtml } from '../../../src/telegram/format/html.js';

describe('escapeHtml', () => {
  it('escapes the characters Telegram HTML treats specially', () => {
    expect(escapeHtml('<b>A&B</b> "x"')).toBe('&lt;b&gt;A&amp;B&lt;/b&gt; &quot;x&quot;');
  });
  it('round-trips through unescapeHtml', () => {
    const text = '木垒 < 奇台 & "准东" > 阜康';
    expect(unescapeHtml(escapeHtml(text))).toBe(text);
  });
});

describe('htmlToPlainText', () => {
  it('removes tags and decodes entities as Telegram shows them', () => {
    expect(htmlToPlainText('  <b>标题</b>\n<a href="https://t.me/x">链接</a> &lt;&amp;&gt; &#20013;  ')).toBe('标题\n链接 <&> 中');
  });
});

describe('highlightTerms', () => {
  it('bolds every occurrence of a term and escapes the rest', () => {
    expect(highlightTerms('冬小麦<好>，冬小麦&', ['冬小麦'])).toBe('<b>冬小麦</b>&lt;好&gt;，<b>冬小麦</b>&amp;');
  });
  it('bolds the longer of overlapping terms as a whole', () => {
    expect(highlightTerms('种冬小麦', ['小麦', '冬小麦'])).toBe('种<b>冬小麦</b>');
  });
  it('merges adjacent terms into one bold run', () => {
    expect(highlightTerms('木垒县冬小麦', ['木垒县', '冬小麦'])).toBe('<b>木垒县冬小麦</b>');
  });
  it('matches Latin terms regardless of case', () => {
    expect(highlightTerms('CHANGJI ribao', ['changji'])).toBe('<b>CHANGJI</b> ribao');
  });
  it('escapes a term that contains markup characters', () => {
    expect(highlightTerms('A&B公司', ['A&B'])).toBe('<b>A&amp;B</b>公司');
  });
  it('leaves text without terms merely escaped', () => {
    expect(highlightTerms('a<b', [])).toBe('a&lt;b');
  });
});
