import { Composer } from 'grammy';
import type { Archive } from '../../archive/archive.js';
import type { BotContext } from '../context.js';
import { renderHelp, renderWelcome } from '../format/render-guide.js';
import { replyView } from '../reply.js';

/** /start (without an article link) and /help. */
export function createStartHelpFeature(deps: { archive: Archive; digest: boolean }): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const options = { digest: deps.digest };
  feature.command('start', (ctx) => replyView(ctx, renderWelcome(deps.archive, ctx.me.username, options)));
  feature.command('help', (ctx) => replyView(ctx, renderHelp(deps.archive, ctx.me.username, options)));
  return feature;
}
