import { Composer } from 'grammy';
import type { Archive, ArticleRef } from '../../archive/archive.js';
import type { BotContext } from '../context.js';
import { parseStartPayload } from '../deep-link.js';
import { articleButtons, renderArticleParts } from '../format/render-article.js';
import { toReplyMarkup } from '../keyboards.js';
import { readButton } from './read-buttons.js';

/**
 * One press sends at most this many messages (≈ 20,000 characters): the longest articles continue
 * with a button, so a single tap never floods a chat.
 */
export const PARTS_PER_PRESS = 5;

/**
 * Reading an article in full: the `a:<articleId>:<part>` buttons and deep links
 * `/start a_<articleId>` (so an article can be shared as a t.me link). Install before the plain
 * /start handler.
 */
export function createReadFeature(deps: { archive: Archive }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.command('start', async (ctx, next) => {
    const payload = ctx.match.trim();
    if (payload === '') return next();
    const link = parseStartPayload(payload);
    // Only an article link (a_…) can be dead; any other payload (a campaign tag, a typo) gets the welcome.
    if (link === undefined) return next();
    const ref = deps.archive.article(link.articleId);
    ctx.log.info({ payload, found: ref !== undefined }, 'deep link');
    if (ref === undefined) {
      await ctx.reply('抱歉，没有找到这篇文章，链接可能已失效。\n可以直接发送问题检索报道，或发送 /help 查看使用说明。');
      return;
    }
    await sendArticle(ctx, ref, 0);
  });

  feature.callbackQuery(readButton.filter, async (ctx) => {
    const action = readButton.decode(ctx.callbackQuery.data);
    const ref = action === undefined ? undefined : deps.archive.article(action.articleId);
    if (action === undefined || ref === undefined) {
      await ctx.answerCallbackQuery({ text: '抱歉，这篇文章已不在资料库中。' });
      return;
    }
    // Answer first: sending a long article takes a moment and the button should stop spinning.
    await ctx.answerCallbackQuery();
    await sendArticle(ctx, ref, action.part);
  });

  return feature;
}

/** Sends an article from message `from` on, at most PARTS_PER_PRESS messages, buttons on the last. */
export async function sendArticle(ctx: BotContext, ref: ArticleRef, from: number): Promise<void> {
  const parts = renderArticleParts(ref, ctx.me.username);
  const start = Math.min(Math.max(0, from), parts.length - 1);
  const end = Math.min(parts.length, start + PARTS_PER_PRESS);
  for (let i = start; i < end; i++) {
    const last = i === end - 1;
    const markup = last
      ? toReplyMarkup(articleButtons(ref, ctx.me.username, end < parts.length ? { part: end, total: parts.length } : undefined))
      : undefined;
    await ctx.reply(parts[i]!, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...(markup ? { reply_markup: markup } : {}) });
  }
  ctx.log.info({ article: ref.article.id, parts: parts.length, from: start }, 'article read');
}
