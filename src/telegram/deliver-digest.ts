import { autoRetry } from '@grammyjs/auto-retry';
import { Api, GrammyError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Digest, DigestItem } from '../digest/compose-digest.js';
import type { Deliverer, SendOutcome } from '../digest/deliverer.js';
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
      ? `与“${escapeHtml(digest.filter)}”相关 ${digest.items.length}/${digest.issueArticles} 篇`
      : `共 ${digest.items.length} 篇`,
  );
  const lines = [title, facts.join(' · ')];
  if (total > 1) lines[0] += `（1/${total}）`;
  return lines.join('\n');
}

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
  return groups.map((group, part) => {
    const footer = part === groups.length - 1 ? '\n\n点击下方按钮阅读全文 · /settings 修改订阅' : '';
    const text = `${renderHeader(digest, part, groups.length)}\n\n${group.map((g) => g.html).join('\n\n')}${footer}`;
    const rows: Button[][] = [];
    for (let i = 0; i < group.length; i += 2) {
      rows.push(group.slice(i, i + 2).map((g) => ({ text: `${g.n}. ${shorten(g.item.title, 14)}`, data: readButton.encode({ articleId: g.item.articleId, part: 0 }) })));
    }
    return { text, reply_markup: toReplyMarkup(rows) };
  });
}

/**
 * What a failed send means for the subscription: 403 (blocked, deactivated, kicked) and 400 "chat not found" → the
 * chat is gone; 400 with `migrate_to_chat_id` → the group became a supergroup. Anything else is undefined:
 * a transient or unknown failure the fan-out retries on its next run. (429 never gets here: auto-retry waits it out.)
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

/**
 * The `deliver` the digest scheduler gets: renders digests with `renderDigest` and sends each message through `api`.
 * Give it an Api with auto-retry installed (the bot's own `bot.api`, or `createDigestApi`), so 429s are waited out.
 */
export function createDigestDeliverer(api: Api): Deliverer<DigestMessage> {
  return {
    render: renderDigest,
    async send(chatId, message) {
      try {
        const sent = await api.sendMessage(chatId, message.text, {
          parse_mode: 'HTML',
          reply_markup: message.reply_markup,
          link_preview_options: { is_disabled: true },
        });
        return { kind: 'sent', messageId: sent.message_id };
      } catch (err) {
        const outcome = classifySendError(err);
        if (outcome) return outcome;
        throw err;
      }
    },
  };
}

/** An Api for a process that sends digests without running the bot (`npm run digest -- --once`). */
export function createDigestApi(token: string, options: { apiRoot?: string } = {}): Api {
  const api = new Api(token, options.apiRoot ? { apiRoot: options.apiRoot } : undefined);
  // Bounded, so a hostile retry_after or a dead network cannot stall the fan-out forever (the plugin retries
  // network errors without end unless told to rethrow them); the part is retried on the next run instead.
  api.config.use(autoRetry({ maxRetryAttempts: 8, maxDelaySeconds: 120, rethrowHttpErrors: true }));
  return api;
}
