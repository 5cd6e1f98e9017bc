/** A sentence that only says who spoke (…居民马永春激动地说。): at most 30 characters, ending with a verb of saying. */
const ATTRIBUTION = /^[^“”"。！？]{2,30}(?:说|表示|介绍|告诉记者|坦言|感慨)[。！]?\s*$/u;

/**
 * Whether two sentences are one statement: a quotation and the sentence after it that names its
 * speaker ("“…特别温馨。”" + "阜康市博峰街道畅岁园社区居民马永春激动地说。"). The splitter keeps a short
 * attribution with its quotation; a longer one (a place and a role before the name) comes apart,
 * yet the quotation's facts are the speaker's and the speaker's place is the quotation's subject.
 *
 * @example isQuoteAndSpeaker('“今年收成好。”', '青石村种植大户覃楚杰激动地说。') // → true
 */
export function isQuoteAndSpeaker(quote: string, next: string): boolean {
  return /[”"」』]\s*$/u.test(quote) && ATTRIBUTION.test(next);
}
