import { shorten } from './issue-date.js';
import { escapeHtml } from './html.js';

/** Direction overrides and isolates (U+202A–202E, U+2066–2069): echoed, they would reverse the rest of our line. */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/gu;
/** Zero-width characters and line breaks: nothing to show inside 「…」. */
const INVISIBLE = /[\s\u200b-\u200f\u2060\ufeff]+/gu;

/** How much of a reader's text a reply quotes back: enough to recognise it, never a second copy of a long message. */
export const QUOTED_MAX = 30;

/**
 * A reader's own text as a reply quotes it inside 「…」 (HTML): direction controls dropped, blanks
 * collapsed, cut to `max` characters with …, escaped. A 5,000-digit /date argument or a pasted page
 * comes back as its first words, not as a message of its own.
 *
 * @example quoteReader('\u202e石门子水库') // '石门子水库'
 */
export function quoteReader(text: string, max = QUOTED_MAX): string {
  return escapeHtml(shorten(text.replace(BIDI_CONTROLS, '').replace(INVISIBLE, ' ').trim(), max));
}
