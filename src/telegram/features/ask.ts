import { Composer } from 'grammy';
import type { Archive } from '../../archive/archive.js';
import { askWithSyntax, initialOrder } from '../../search/ask-with-syntax.js';
import { boundQuestion, shortenedNote } from '../../search/bound-question.js';
import { escapeHtml } from '../format/html.js';
import { parseSearchSyntax } from '../../search/parse-search-syntax.js';
import type { SearchEngine, SearchOrder } from '../../search/types.js';
import { answerPageButton } from './ask-buttons.js';
import { renderSyntaxHint } from '../format/render-syntax-hint.js';
import { offersDigest } from '../commands.js';
import type { BotContext } from '../context.js';
import { shorten } from '../format/issue-date.js';
import { renderAnswer, renderChat } from '../format/render-answer.js';
import { renderArchiveFacts, renderAskPrompt, renderExcludedAll, renderGreeting, renderHelp, renderMentionPrompt, renderNoMatch, renderNumberHint, renderQuestionPrompt, renderThanks } from '../format/render-guide.js';
import type { View } from '../format/view.js';
import { detectIntent } from '../../search/intents.js';
import type { IssueViews } from './browse.js';
import type { QueryStore } from '../query-store.js';
import { editView, replyView } from '../reply.js';

/** Results per page of an answer: the first is the answer, two more for context. */
export const ANSWER_PAGE_SIZE = 3;
/** Longer input is not a question; searching it whole would only be slow. */
const MAX_QUESTION_LENGTH = 300;
/** A question asking for the latest reports starts in date order. */

/**
 * Asking the archive. In a private chat any text is a question; in a group only `/ask 问题`, a
 * message that mentions the bot, or a reply to one of its messages. The answer shows the top
 * results with buttons to read each article and to page through more. A message that is not a
 * question (你好, 谢谢, 帮助, 最新一期, 昨天的报纸 — see `intents.ts`) gets its own answer instead.
 * Install it after every other feature: it takes the text messages nobody else wanted.
 */
export function createAskFeature(deps: { archive: Archive; search: SearchEngine; queries: QueryStore; views: IssueViews }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  /** 你好, 谢谢, 帮助, 最新一期, 昨天的报纸: answered directly, never searched. */
  const intentView = (ctx: BotContext, q: string): View | undefined => {
    const intent = detectIntent(q, { isDate: deps.views.isDate });
    if (intent === undefined) return undefined;
    ctx.log.info({ intent: intent.kind }, 'message answered without searching');
    switch (intent.kind) {
      case 'greeting':
        return renderGreeting(deps.archive);
      case 'thanks':
      case 'ack':
        return renderThanks(intent.kind);
      case 'help':
        return renderHelp(deps.archive, ctx.me.username, { digest: offersDigest(ctx.deps) });
      case 'latest':
        return deps.views.latest();
      case 'earliest':
        return deps.views.earliest();
      case 'archive':
        return renderArchiveFacts(deps.archive);
      case 'date':
        return deps.views.forDate(intent.text);
      case 'chat':
        return renderChat();
    }
  };

  const answer = async (ctx: BotContext, question: string, via: 'command' | 'mention' | 'text' = 'command'): Promise<void> => {
    // Invisible characters (zero-width space, BOM, direction controls) count as blanks: a message of only those is empty too.
    const q = shorten(question.replace(/[\s\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]+/g, ' ').trim(), MAX_QUESTION_LENGTH);
    if (q === '') return replyView(ctx, emptyPrompt(ctx, via));
    // A bare number (5, 12124) is an issue number when such an issue exists; digits alone are no question.
    const digits = q.normalize('NFKC');
    if (/^\d{1,7}$/.test(digits)) {
      const issue = deps.archive.issueByNumber(Number(digits));
      return replyView(ctx, issue ? deps.views.forDate(`第${Number(digits)}期`) : renderNumberHint(digits, deps.archive));
    }
    const direct = intentView(ctx, q);
    if (direct) return replyView(ctx, direct);
    ctx.log.debug({ question: q }, 'question');
    const syntax = parseSearchSyntax(q);
    if (syntax.kind === 'problem') {
      ctx.log.info({ problem: syntax.problem }, 'search syntax hint');
      return replyView(ctx, renderSyntaxHint(syntax.problem));
    }
    const order = initialOrder(syntax.text);
    const view = answerPage(ctx, q, { page: 0, order }, (results) => (results > 1 ? deps.queries.remember(q) : undefined)) ?? renderNoMatch(q, deps.archive);
    // Only the beginning of a long message is searched (its cost is bounded): say so, whatever the answer.
    const bounded = boundQuestion(syntax.text);
    await replyView(ctx, bounded.shortened ? { ...view, text: `${view.text}

✂️ ${escapeHtml(shortenedNote(bounded.text))}` } : view);
  };

  /** One page of the answer to a question (with its syntax applied), or undefined when nothing matches. */
  const answerPage = (ctx: BotContext, question: string, at: { page: number; order: SearchOrder }, keyFor: (results: number) => string | undefined): View | undefined => {
    const asked = askWithSyntax(deps.search, question, { limit: ANSWER_PAGE_SIZE + 1, offset: at.page * ANSWER_PAGE_SIZE, order: at.order });
    if (asked.kind === 'problem') return undefined;
    const result = asked.answer;
    ctx.log.info({ results: result.results.length, outcome: result.outcome, filters: result.filters, page: at.page, order: at.order }, 'question answered');
    if (result.chat !== undefined) return renderChat();
    // `none`: the archive does not hold it; the caller says so (renderNoMatch) rather than show near misses as reports.
    // Unless the reader's own -词 removed every report: then say that (QA B2).
    if (result.results.length === 0 || result.outcome === 'none') return result.excludedMatches !== undefined ? renderExcludedAll(asked.syntax, result.excludedMatches) : undefined;
    const hasMore = result.results.length > ANSWER_PAGE_SIZE;
    return renderAnswer(result, {
      question,
      results: result.results.slice(0, ANSWER_PAGE_SIZE),
      page: at.page,
      pageSize: ANSWER_PAGE_SIZE,
      hasMore,
      queryKey: keyFor(at.page > 0 || hasMore ? ANSWER_PAGE_SIZE + 1 : result.results.length),
      order: at.order,
    });
  };

  /** Nothing to search: say how to ask, in the words that fit how this message reached the bot. */
  const emptyPrompt = (ctx: BotContext, via: 'command' | 'mention' | 'text'): View => {
    if (via === 'mention') return renderMentionPrompt(deps.archive, ctx.me.username);
    if (via === 'text' && ctx.chat?.type === 'private') return renderQuestionPrompt(deps.archive);
    return renderAskPrompt(deps.archive);
  };

  feature.command('ask', (ctx) => answer(ctx, ctx.match));

  feature.callbackQuery(answerPageButton.filter, async (ctx) => {
    const action = answerPageButton.decode(ctx.callbackQuery.data);
    const question = action === undefined ? undefined : deps.queries.recall(action.key);
    if (action === undefined || question === undefined) {
      await ctx.answerCallbackQuery({ text: '这次搜索已过期，请重新发送您的问题。' });
      return;
    }
    const view = answerPage(ctx, question, action, () => action.key);
    if (view === undefined) {
      await ctx.answerCallbackQuery({ text: '没有更多结果了。' });
      return;
    }
    await editView(ctx, view);
    await ctx.answerCallbackQuery();
  });

  // Groups: a mention of the bot or a reply to one of its messages is a question; other talk is not ours.
  feature.chatType(['group', 'supergroup']).on('message:text', async (ctx, next) => {
    if (startsWithCommand(ctx)) return next();
    const username = ctx.me.username.toLowerCase();
    const mentions = ctx.entities('mention').filter((e) => e.text.toLowerCase() === `@${username}`);
    const repliesToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
    if (mentions.length === 0 && !repliesToBot) return next();
    let text = ctx.msg.text;
    // Cut mentions out from the end so earlier offsets stay valid.
    for (const m of [...mentions].sort((a, b) => b.offset - a.offset)) text = text.slice(0, m.offset) + text.slice(m.offset + m.length);
    await answer(ctx, text, mentions.length > 0 ? 'mention' : 'text');
  });

  feature.chatType('private').on('message:text', async (ctx, next) => {
    if (startsWithCommand(ctx)) return next();
    await answer(ctx, ctx.msg.text, 'text');
  });

  return feature;
}

function startsWithCommand(ctx: BotContext): boolean {
  return (ctx.msg?.entities ?? []).some((e) => e.type === 'bot_command' && e.offset === 0);
}
