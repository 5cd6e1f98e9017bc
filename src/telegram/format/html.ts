/**
 * The HTML primitives every reply goes through. Telegram's HTML parse mode needs `&`, `<` and `>`
 * escaped in any text that did not come from our own templates (headlines, excerpts, questions).
 */

import { markTerms } from '../../text/mark-terms.js';

/** Escapes text for Telegram's HTML parse mode: `a < b & c` → `a &lt; b &amp; c`. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

/** `<b>…</b>` around escaped text. */
export function bold(text: string): string {
  return `<b>${escapeHtml(text)}</b>`;
}

/** `<i>…</i>` around escaped text. */
export function italic(text: string): string {
  return `<i>${escapeHtml(text)}</i>`;
}

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

/** Decodes the four named entities Telegram knows and numeric ones (`&#39;`, `&#x4e2d;`). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#x') || body.startsWith('#X')) return safeFromCodePoint(parseInt(body.slice(2), 16)) ?? whole;
    if (body.startsWith('#')) return safeFromCodePoint(parseInt(body.slice(1), 10)) ?? whole;
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function safeFromCodePoint(n: number): string | undefined {
  return Number.isInteger(n) && n >= 0 && n <= 0x10ffff ? String.fromCodePoint(n) : undefined;
}

/**
 * What a reader sees once Telegram has parsed the HTML: tags removed, entities decoded, outer
 * whitespace trimmed (Telegram trims it too). Used to compare a new render with the message on screen.
 */
export function htmlToPlainText(html: string): string {
  return unescapeHtml(html.replace(/<[^>]*>/g, '')).trim();
}

/**
 * Escapes `text` and wraps every occurrence of the given terms in `<b>`. Longer terms win where
 * terms overlap, so 冬小麦 is bold as a whole rather than 小麦 inside it (see markTerms).
 */
export function highlightTerms(text: string, terms: readonly string[]): string {
  const marked = markTerms(text, terms);
  let out = '';
  let i = 0;
  while (i < text.length) {
    let j = i;
    while (j < text.length && marked[j] === marked[i]) j++;
    const piece = escapeHtml(text.slice(i, j));
    out += marked[i] ? `<b>${piece}</b>` : piece;
    i = j;
  }
  return out;
}
