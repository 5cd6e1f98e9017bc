import { Composer } from 'grammy';
import type { Archive } from '../../archive/archive.js';
import type { BotContext } from '../context.js';
import { renderHelp, renderWelcome } from '../format/render-guide.js';
import { replyView } from '../reply.js';

/** /start (without an article link) and /help. */
export function createStartHelpFeature(deps: { archive: Archive }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command('start', (ctx) => replyView(ctx, renderWelcome(deps.archive, ctx.me.username)));
  feature.command('help', (ctx) => replyView(ctx, renderHelp(deps.archive, ctx.me.username)));
  return feature;
}
