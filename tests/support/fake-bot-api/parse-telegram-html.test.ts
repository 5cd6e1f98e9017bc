import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeTelegramHtml, parseTelegramHtml } from './parse-telegram-html.js';

describe('parseTelegramHtml', () => {
  it('strips tags and decodes entities into the text the reader sees', () => {
    const parsed = parseTelegramHtml('<b>木垒县</b> &lt;冬小麦&gt; &amp; &quot;春播&quot; &#20892;&#x4E1A;');
    expect(parsed.error).toBeUndefined();
    expect(parsed.text).toBe('木垒县 <冬小麦> & "春播" 农业');
    expect(parsed.warnings).toEqual([]);
  });

  it('reports formatting entities with UTF-16 offsets', () => {
    const parsed = parseTelegramHtml('题 <b>粗</b><a href="https://t.me/x?start=a_1">链接</a> <i>😀斜</i>');
    expect(parsed.entities).toEqual([
      { type: 'bold', offset: 2, length: 1 },
      { type: 'text_link', offset: 3, length: 2, url: 'https://t.me/x?start=a_1' },
      { type: 'italic', offset: 6, length: 3 },
    ]);
  });

  it('rejects an unescaped < the way Telegram does', () => {
    expect(parseTelegramHtml('1 < 2').error).toBe('Unsupported start tag "" at byte offset 2');
  });

  it('rejects tags Telegram does not support', () => {
    expect(parseTelegramHtml('a<br>b').error).toBe('Unsupported start tag "br" at byte offset 1');
    expect(parseTelegramHtml('<span>x</span>').error).toMatch(/must have class "tg-spoiler"/);
  });

  it('accepts every tag Telegram allows', () => {
    const html =
      '<b>b</b><strong>s</strong><i>i</i><em>e</em><u>u</u><ins>n</ins><s>s</s><strike>k</strike><del>d</del>' +
      '<span class="tg-spoiler">p</span><tg-spoiler>t</tg-spoiler><a href="https://example.com">a</a><code>c</code>' +
      '<pre><code class="language-ts">x</code></pre><blockquote>q</blockquote><blockquote expandable>w</blockquote>' +
      '<tg-emoji emoji-id="5368324170671202286">👍</tg-emoji>';
    const parsed = parseTelegramHtml(html);
    expect(parsed.error).toBeUndefined();
    expect(parsed.entities.find((e) => e.type === 'pre')).toMatchObject({ language: 'ts' });
    expect(parsed.entities.map((e) => e.type)).toContain('expandable_blockquote');
  });

  it('rejects crossed and unclosed tags', () => {
    expect(parseTelegramHtml('<b><i>x</b></i>').error).toMatch(/^Unmatched end tag at byte offset 7, expected "<\/i>", found "<\/b>"/);
    expect(parseTelegramHtml('<b>x').error).toBe(`Can't find end tag corresponding to start tag "b"`);
    expect(parseTelegramHtml('x</b>').error).toBe('Unexpected end tag at byte offset 1');
  });

  it('counts byte offsets in UTF-8, as Telegram reports them', () => {
    expect(parseTelegramHtml('冬小麦<x>').error).toBe('Unsupported start tag "x" at byte offset 9');
  });

  it('accepts a bare & or > but warns that it was not escaped', () => {
    const parsed = parseTelegramHtml('A & B > C &nbsp;');
    expect(parsed.error).toBeUndefined();
    expect(parsed.text).toBe('A & B > C &nbsp;');
    expect(parsed.warnings).toHaveLength(3);
  });

  it('gives back any escaped text unchanged, with no warnings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        const parsed = parseTelegramHtml(`<b>${escapeTelegramHtml(text)}</b>`);
        expect(parsed.error).toBeUndefined();
        expect(parsed.warnings).toEqual([]);
        expect(parsed.text).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
