/**
 * Deep links let a reader share an article as a t.me link: `https://t.me/<bot>?start=a_<articleId>`.
 * Telegram allows only A–Z, a–z, 0–9, `_` and `-` in a start payload, at most 64 characters;
 * article ids are made of exactly those characters and are short.
 */

const PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/** The t.me link that opens an article in the bot. */
export function articleDeepLink(botUsername: string, articleId: string): string {
  return `https://t.me/${botUsername}?start=${articleStartPayload(articleId)}`;
}

/** `a_<articleId>`; throws when the id cannot be a start payload (a bug in id generation). */
export function articleStartPayload(articleId: string): string {
  const payload = `a_${articleId}`;
  if (!PAYLOAD.test(payload)) throw new RangeError(`article id "${articleId}" cannot be used in a start payload`);
  return payload;
}

/** The article id in a `/start` payload, or undefined when the payload is not an article link. */
export function parseStartPayload(payload: string): { articleId: string } | undefined {
  const m = /^a_([A-Za-z0-9_-]+)$/.exec(payload.trim());
  return m && payload.trim().length <= 64 ? { articleId: m[1]! } : undefined;
}

/** Telegram's share dialog for a link, so a reader can forward an article to any chat. */
export function shareUrl(link: string, text: string): string {
  return `https://t.me/share/url?url=${encodeURIComponent(link)}&text=${encodeURIComponent(text)}`;
}
