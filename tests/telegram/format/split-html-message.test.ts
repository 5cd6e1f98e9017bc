import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, htmlToPlainText } from '../../../src/telegram/format/html.js';
import { MESSAGE_LIMIT, splitHtmlMessage } from '../../../src/telegram/format/split-html-message.js';
import { parseTelegramHtml } from '../../support/fake-bot-api/parse-telegram-html.js';

const noSpace = (s: string) => s.replace(/\s+/g, '');

/** Every tag and entity of `html` is whole, and open tags are closed in order. */
function expectWellFormed(html: string): void {
  const parsed = parseTelegramHtml(html);
  expect(parsed.error).toBeUndefined();
  expect(parsed.warnings).toEqual([]);
}

describe('splitHtmlMessage', () => {
  it('keeps a short message whole', () => {
    expect(splitHtmlMessage('<b>标题</b>\n正文。')).toEqual(['<b>标题</b>\n正文。']);
  });

  it('cuts at the end of a sentence rather than mid-sentence', () => {
    const sentence = '这是一个完整的句子。';
    const parts = splitHtmlMessage(sentence.repeat(5), 25);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p).toMatch(/。$/);
  });

  it('keeps a closing quote with its sentence', () => {
    const parts = splitHtmlMessage('他说：“好的。”然后离开了。再见。', 12);
    expect(parts[0]).toBe('他说：“好的。”');
  });

  it('prefers a line break in the second half of the message', () => {
    const parts = splitHtmlMessage('第一句。第二句。\n第三句。第四句。第五句。', 16);
    expect(parts[0]).toBe('第一句。第二句。');
  });

  it('closes and reopens a tag cut in two', () => {
    const parts = splitHtmlMessage(`<b>${'加粗的句子。'.repeat(6)}</b>`, 30);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.startsWith('<b>')).toBe(true);
      expect(p.endsWith('</b>')).toBe(true);
      expectWellFormed(p);
    }
  });

  it('never cuts an entity', () => {
    const parts = splitHtmlMessage('&amp;'.repeat(40), 23);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect(p).toMatch(/^(&amp;)+$/);
    expect(parts.join('')).toBe('&amp;'.repeat(40));
  });

  it('cuts text without any punctuation between characters', () => {
    const parts = splitHtmlMessage('字'.repeat(10_000));
    expect(parts.map((p) => p.length)).toEqual([4096, 4096, 1808]);
  });

  it('drops a message that would hold nothing visible', () => {
    expect(splitHtmlMessage('  \n ')).toEqual([]);
  });

  it('never exceeds the limit, never breaks markup, and loses no text (property)', () => {
    const word = fc.constantFrom('木垒县', '冬小麦', '播种', 'A&B', '<公司>', '“引语。”', '。', '！', '？', '，', ' ', '\n', '\n\n', 'abc', '😀', '12万亩');
    const run = fc.array(word, { minLength: 1, maxLength: 40 }).map((ws) => escapeHtml(ws.join('')));
    const tag = fc.constantFrom('b', 'i', 'u', 's', 'code', 'a');
    type Node = { text: string } | { tag: string; children: Node[] };
    const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
      node: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        run.map((text) => ({ text })),
        fc.record({ tag, children: fc.array(tie('node'), { minLength: 1, maxLength: 4 }) }),
      ),
    })).node;
    const render = (n: Node): string =>
      'text' in n ? n.text : n.tag === 'a' ? `<a href="https://t.me/bot?start=a_x1">${n.children.map(render).join('')}</a>` : `<${n.tag}>${n.children.map(render).join('')}</${n.tag}>`;
    const doc = fc.array(node, { minLength: 1, maxLength: 30 }).map((ns) => ns.map(render).join(''));

    fc.assert(
      fc.property(doc, fc.constantFrom(80, 200, 1000, MESSAGE_LIMIT), (html, limit) => {
        const parts = splitHtmlMessage(html, limit);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(limit);
          expectWellFormed(p);
          expect(htmlToPlainText(p)).not.toBe('');
        }
        expect(noSpace(parts.map(htmlToPlainText).join(''))).toBe(noSpace(htmlToPlainText(html)));
      }),
      { numRuns: 200 },
    );
  });

  it('splits a 20,000-character article into messages within 4096 characters (property)', () => {
    const sentence = fc.stringMatching(/^[木垒县冬小麦播种面积达万亩农技人员深入田间指导&<>]{5,60}[。！？]$/);
    fc.assert(
      fc.property(fc.array(sentence, { minLength: 300, maxLength: 600 }), (sentences) => {
        const html = `<b>${escapeHtml('标题')}</b>\n\n${escapeHtml(sentences.join(''))}`;
        const parts = splitHtmlMessage(html);
        expect(parts.length).toBeGreaterThan(1);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          expect(parseTelegramHtml(p).text.length).toBeLessThanOrEqual(MESSAGE_LIMIT);
          expectWellFormed(p);
        }
        // All but the last message end at a sentence end.
        for (const p of parts.slice(0, -1)) expect(htmlToPlainText(p)).toMatch(/[。！？]$/);
      }),
      { numRuns: 20 },
    );
  });
});
