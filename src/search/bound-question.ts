/**
 * The most characters of one message the search analyses. A question's cost grows faster than its
 * length (more terms, each checked against every candidate sentence): at 7000× a 4,096-character
 * message took 3–6 s of CPU and 20,000 characters 25 s, during which the bot answered nobody else.
 * 150 is twice the longest question of the evaluation sets (78 characters) and costs about what a
 * 100-character question does; everything after it is not searched, and the reader is told so.
 */
export const MAX_SEARCHED_CHARS = 150;

/** Sentence ends a cut may fall after, so the part searched is whole sentences when it can be. */
const SENTENCE_END = /[。！？!?；;\n]/u;

/** What is searched of a message: all of it, or its beginning. */
export interface BoundedQuestion {
  text: string;
  /** Set when the message was longer than MAX_SEARCHED_CHARS: only `text`, its beginning, is searched. */
  shortened: boolean;
}

/**
 * The part of a reader's message that is searched: the whole message when it has at most `max`
 * characters (code points), else its first `max`, cut after the last sentence end of the second half
 * of those when there is one (a pasted passage is then searched as whole sentences).
 *
 * @example boundQuestion('石门子水库有多高').text === '石门子水库有多高'
 */
export function boundQuestion(text: string, max = MAX_SEARCHED_CHARS): BoundedQuestion {
  // Counting code points stops at max + 1: a 20,000-character message costs no more than a short one.
  let units = 0;
  let points = 0;
  while (units < text.length && points < max) {
    units += text.codePointAt(units)! > 0xffff ? 2 : 1;
    points++;
  }
  if (units >= text.length) return { text, shortened: false };
  const head = text.slice(0, units);
  for (let i = head.length - 1; i >= head.length / 2; i--) {
    if (SENTENCE_END.test(head[i]!)) return { text: head.slice(0, i + 1), shortened: true };
  }
  return { text: head, shortened: true };
}

/** What the reader is told when only the beginning of their message was searched (bot and `npm run ask` alike). */
export function shortenedNote(searched: string): string {
  return `您的消息较长，只按开头的 ${Array.from(searched).length} 个字查找；请把想问的内容写在前面，或分几次发送。`;
}
