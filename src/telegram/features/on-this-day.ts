import { Composer } from 'grammy';
import type { Archive } from '../../archive/archive.js';
import { quoteReader } from '../format/quote-reader.js';
import { inferredOnThisDay, issuesOnThisDay } from '../../digest/on-this-day.js';
import { isoDateIn } from '../../text/calendar.js';
import { parseDateExpression } from '../../text/parse-date-expression.js';
import type { BotContext, MenuCommand } from '../context.js';
import { invalidDateText } from '../format/invalid-date.js';
import { renderOnThisDay } from '../format/render-on-this-day.js';
import { replyView } from '../reply.js';

export const ON_THIS_DAY_COMMAND: MenuCommand = { command: 'onthisday', description: '历史上的今天：往年今日的报纸' };

/**
 * /onthisday [日期] and the words 历史上的今天: the paper on this calendar day (today in the paper's time zone, or the
 * day named) in earlier years. A day written without a year means this year's, so every earlier year is shown.
 */
export function createOnThisDayFeature(deps: { archive: Archive; timeZone: string; now: () => Date }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  const answer = async (ctx: BotContext, text: string) => {
    const today = isoDateIn(deps.timeZone, deps.now());
    let date = today;
    if (text.trim() !== '') {
      const expression = parseDateExpression(text.trim(), { today });
      if (expression?.kind !== 'day') {
        // An impossible day (2月30日) is explained as /date explains it; only text that is no day at all is "not understood".
        const why = expression?.kind === 'invalid' ? `${invalidDateText(expression)}。` : `没有看懂「${quoteReader(text)}」这个日期。`;
        await replyView(ctx, { text: `${why}例如 /onthisday 11月7日 或 /onthisday 2025-11-07。` });
        return;
      }
      date = expression.yearless ? `${today.slice(0, 4)}${expression.date.slice(4)}` : expression.date;
    }
    const earlier = issuesOnThisDay(deps.archive, date);
    ctx.log.info({ date, issues: earlier.length }, 'on this day');
    await replyView(ctx, renderOnThisDay(date, earlier, deps.archive.paper.name, earlier.length === 0 ? inferredOnThisDay(deps.archive, date) : []));
  };

  feature.command('onthisday', (ctx) => answer(ctx, ctx.match));
  feature.hears(/^\s*(历史上的今天|歷史上的今天)\s*$/u, (ctx) => answer(ctx, ''));
  return feature;
}
