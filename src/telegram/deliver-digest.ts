import { Api, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Digest, DigestItem, OnThisDayItem } from '../digest/compose-digest.js';
import { DeliveryUnknownError, type Deliverer, type SendOutcome } from '../digest/deliverer.js';
import { toScript, type Script } from '../text/convert-script.js';
import { filterPhrase } from './format/filter-phrase.js';
import { bold, escapeHtml } from './format/html.js';
import { formatIssueDate, shorten } from './format/issue-date.js';
import { MESSAGE_LIMIT } from './format/split-html-message.js';
import { toReplyMarkup, type Button } from './keyboards.js';
import { readButton } from './features/read-buttons.js';

/** One Telegram message of a digest: HTML text and its read buttons. */
export interface DigestMessage {
  text: string;
  reply_markup?: InlineKeyboardMarkup;
}

/** Articles per message at most: keeps a message readable and its keyboard far below Telegram's 100 buttons. */
const ITEMS_PER_MESSAGE = 20;
/** Room kept for the part header and footer. */
const HEADER_BUDGET = 300;
/**
 * Article messages per digest at most (60 articles). A real issue needs one or two; an absurd one (a 2 MB seed
 * file of thousands of "articles") must not become fifty messages in a chat. The rest is named, not sent.
 */
export const MAX_DIGEST_PARTS = 3;

function renderItem(item: DigestItem, n: number): string {
  const lines = [`${n}. ${bold(shorten(item.title, 120))}`];
  if (item.lead) lines.push(escapeHtml(item.lead));
  // Hashtags are clickable in Telegram: a reader taps #农业农村 to find the others in the chat.
  if (item.tags.length > 0) lines.push(item.tags.map((t) => `#${escapeHtml(t.replace(/[\s#]/g, ''))}`).join(' '));
  return lines.join('\n');
}

function renderHeader(digest: Digest, part: number, total: number): string {
  const title = `📰 ${bold(`《${digest.paper}》每日摘要 · ${formatIssueDate(digest.date, digest.dateSource)}`)}`;
  if (part > 0) return `${title}（续 ${part + 1}/${total}）`;
  const facts: string[] = [];
  if (digest.number !== undefined) facts.push(`总第${digest.number}期`);
  if (digest.pageCount !== undefined) facts.push(`今日${digest.pageCount}版`);
  facts.push(
    digest.filter !== undefined
      ? `${filterPhrase(digest.filter)} ${digest.items.length}/${digest.issueArticles} 篇`
      : `共 ${digest.items.length} 篇`,
  );
  const lines = [title, facts.join(' · ')];
  if (total > 1) lines[0] += `（1/${total}）`;
  return lines.join('\n');
}

/** The digest's "N年前的今天" section: each earlier year's issue with a few headlines (kept short: it rides on the last part). */
function renderOnThisDay(items: readonly OnThisDayItem[]): string {
  const lines = [`📅 ${bold('历史上的今天')}`];
  for (const item of items.slice(0, ON_THIS_DAY_YEARS)) {
    lines.push(`${bold(`${item.yearsAgo}年前的今天`)}（${escapeHtml(formatIssueDate(item.date, 'masthead'))}）`);
    for (const t of item.titles) lines.push(`· ${escapeHtml(shorten(t.title, 40))}`);
  }
  return lines.join('\n');
}

/** Earlier years shown in the section; each takes at most ~200 characters, so the last part keeps its room. */
const ON_THIS_DAY_YEARS = 3;

/**
 * Renders a digest as HTML messages of at most 4096 characters, split only between articles, each with
 * a read button per article (`a:<articleId>:0`, the read feature's format).
 */
export function renderDigest(digest: Digest): DigestMessage[] {
  const groups: { item: DigestItem; n: number; html: string }[][] = [[]];
  let used = 0;
  digest.items.forEach((item, i) => {
    const html = renderItem(item, i + 1);
    let current = groups[groups.length - 1]!;
    if (current.length > 0 && (used + html.length + 2 > MESSAGE_LIMIT - HEADER_BUDGET || current.length >= ITEMS_PER_MESSAGE)) {
      current = [];
      groups.push(current);
      used = 0;
    }
    current.push({ item, n: i + 1, html });
    used += html.length + 2;
  });
  const omitted = groups.slice(MAX_DIGEST_PARTS).reduce((n, g) => n + g.length, 0);
  groups.length = Math.min(groups.length, MAX_DIGEST_PARTS);
  const omittedLine = omitted > 0 ? `\n\n……另有 ${omitted} 篇文章未列出，发送 /date ${digest.date} 浏览整期。` : '';
  const section = digest.onThisDay !== undefined && digest.onThisDay.length > 0 ? renderOnThisDay(digest.onThisDay) : undefined;
  // The section rides on the last part, or is a part of its own when that part has no room left for it.
  const lastBody = groups[groups.length - 1]!.map((g) => g.html).join('\n\n');
  const ownPart = section !== undefined && HEADER_BUDGET + lastBody.length + omittedLine.length + section.length + 100 > MESSAGE_LIMIT;
  const total = groups.length + (ownPart ? 1 : 0);
  const messages: DigestMessage[] = groups.map((group, part) => {
    const last = part === groups.length - 1;
    const footer = last ? `${omittedLine}${section !== undefined && !ownPart ? `\n\n${section}` : ''}\n\n点击下方按钮阅读全文 · /settings 修改订阅` : '';
    const text = `${renderHeader(digest, part, total)}\n\n${group.map((g) => g.html).join('\n\n')}${footer}`;
    const rows: Button[][] = [];
    for (let i = 0; i < group.length; i += 2) {
      rows.push(group.slice(i, i + 2).map((g) => ({ text: `${g.n}. ${shorten(g.item.title, 14)}`, data: readButton.encode({ articleId: g.item.articleId, part: 0 }) })));
    }
    return { text, reply_markup: toReplyMarkup(rows) };
  });
  if (ownPart) messages.push({ text: `${renderHeader(digest, total - 1, total)}\n\n${section}` });
  return messages;
}

/**
 * What a failed send means for the subscription: 403 (blocked, deactivated, kicked) and 400 "chat not found" → the
 * chat is gone; 400 with `migrate_to_chat_id` → the group became a supergroup. Anything else is undefined:
 * a transient or unknown failure (429 and 5xx are retried by the deliverer).
 */
export function classifySendError(err: unknown): SendOutcome | undefined {
  if (!(err instanceof GrammyError)) return undefined;
  const migrateTo = err.parameters?.migrate_to_chat_id;
  if (migrateTo !== undefined) return { kind: 'migrated', toChatId: migrateTo };
  if (err.error_code === 403) return { kind: 'gone', reason: 'blocked', description: err.description };
  if (err.error_code === 400 && /chat not found|user not found|have no rights to send|chat_write_forbidden/i.test(err.description)) {
    return { kind: 'gone', reason: 'chat-not-found', description: err.description };
  }
  return undefined;
}

/** Attempts per message within one run (the first included); then the part is retried on the next run. */
const MAX_ATTEMPTS = 5;
/** A 429 asking for a longer wait than this is not waited out here: the part is retried on the next run. */
const MAX_RETRY_AFTER_SECONDS = 120;
/** Network failures that happen before a request is written: Telegram certainly did not get the message. */
const NEVER_REACHED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);

/** True when a failed call never reached Telegram (no connection was made), so sending again cannot repeat it. */
export function neverReachedTelegram(err: unknown): boolean {
  const cause = err instanceof HttpError ? (err.error as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === 'string' && NEVER_REACHED.has(cause.code);
}

/** How long to wait before trying a message again, or undefined when another attempt now would not help. */
function retryDelayMs(err: unknown, attempt: number): number | undefined {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) {
      const seconds = err.parameters?.retry_after ?? 1;
      return seconds <= MAX_RETRY_AFTER_SECONDS ? seconds * 1000 : undefined;
    }
    if (err.error_code >= 500) return Math.min(30_000, 1000 * 2 ** (attempt - 1));
    return undefined;
  }
  return neverReachedTelegram(err) ? Math.min(30_000, 1000 * 2 ** (attempt - 1)) : undefined;
}

/**
 * The `deliver` the digest scheduler gets: renders digests with `renderDigest` and sends each message through `api`.
 * It retries 429 (after `retry_after`), 5xx and connections that never opened itself — each retry only after the
 * fan-out's `beforeRetry` (its rate limiter), so retries count against the ceiling like first tries. Give it an Api
 * without auto-retry (`createDigestApi`): a retry inside the Api would bypass the limiter.
 * A connection that drops after the request may have been written throws `DeliveryUnknownError`: Telegram may
 * have the message, and the fan-out decides what that means (see README, digest delivery).
 */
export function createDigestDeliverer(
  api: Api,
  options: { sleep?: (ms: number) => Promise<void>; /** A chat's chosen script (/settings 繁體): its digest is written in it. */ scriptOf?: (chatId: number) => Script | undefined } = {},
): Deliverer<DigestMessage> {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const sendOnce = async (chatId: number, original: DigestMessage): Promise<SendOutcome> => {
    const script = options.scriptOf?.(chatId);
    const message = script === 'traditional' ? inScript(original, script) : original;
    const sent = await api.sendMessage(chatId, message.text, {
      parse_mode: 'HTML',
      reply_markup: message.reply_markup,
      link_preview_options: { is_disabled: true },
    });
    return { kind: 'sent', messageId: sent.message_id };
  };
  return {
    render: renderDigest,
    async send(chatId, message, sendOptions) {
      for (let attempt = 1; ; attempt++) {
        try {
          return await sendOnce(chatId, message);
        } catch (err) {
          const outcome = classifySendError(err);
          if (outcome) return outcome;
          const delay = retryDelayMs(err, attempt);
          if (delay === undefined || attempt >= MAX_ATTEMPTS) {
            if (err instanceof HttpError && !neverReachedTelegram(err)) {
              throw new DeliveryUnknownError(`sendMessage to chat ${chatId}: the connection failed after the request may have reached Telegram (${err.message})`, { cause: err });
            }
            throw err;
          }
          await sleep(delay);
          await sendOptions?.beforeRetry();
        }
      }
    },
  };
}

/** A digest message in another script: text and button labels, one character for one (HTML and limits hold). */
function inScript(message: DigestMessage, script: Script): DigestMessage {
  const keyboard = message.reply_markup?.inline_keyboard.map((row) => row.map((b) => ({ ...b, text: toScript(b.text, script) })));
  return { text: toScript(message.text, script), ...(keyboard ? { reply_markup: { inline_keyboard: keyboard } } : {}) };
}

/** An Api for digest sends (the bot process and `npm run digest -- --once` alike): no auto-retry, see above. */
export function createDigestApi(token: string, options: { apiRoot?: string } = {}): Api {
  return new Api(token, options.apiRoot ? { apiRoot: options.apiRoot } : undefined);
}
