import { Composer } from 'grammy';
import type { BotContext } from '../context.js';

/**
 * What nobody else handled: an unknown command or a non-text message in a private chat gets a
 * pointer to /help; a button whose data no feature recognises (stale, forged, from an older
 * version) gets a short answer so its spinner stops. Install last.
 */
export function createFallbackFeature(): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const privateChat = feature.chatType('private');
  privateChat.on('message:text', async (ctx) => {
    await ctx.reply('没有这个命令。发送 /help 查看可以使用的命令，或直接发送您的问题。');
  });
  privateChat.on('message', async (ctx) => {
    await ctx.reply('我只能读懂文字消息。请用文字发送您的问题，或发送 /help 查看使用说明。');
  });
  feature.on('callback_query', async (ctx) => {
    ctx.log.info({ data: ctx.callbackQuery.data }, 'unknown button');
    await ctx.answerCallbackQuery({ text: '这个按钮已失效，请重新发送命令。' });
  });
  return feature;
}
