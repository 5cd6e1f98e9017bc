import { Composer } from 'grammy';
import type { InlineQueryResultArticle } from 'grammy/types';
import type { Archive, ArticleRef } from '../../archive/archive.js';
import { askWithSyntax } from '../../search/ask-with-syntax.js';
import { relatedLead } from '../../search/describe-outcome.js';
import { parseSearchSyntax, usesSyntax } from '../../search/parse-search-syntax.js';
import { trimExcerpt } from '../../search/trim-excerpt.js';
import type { SearchEngine } from '../../search/types.js';
import type { BotContext } from '../context.js';
import { articleDeepLink } from '../deep-link.js';
import { bold, escapeHtml, highlightTerms } from '../format/html.js';
import { formatIssueLabel, shorten } from '../format/issue-date.js';

/** Results per inline answer; Telegram allows 50, a phone shows far fewer. */
const INLINE_PAGE_SIZE = 10;

/**
 * Up to this many characters, an inline query is a word being typed (Telegram sends one per pause
 * while typing): it is looked up in the headline index (prefix + fuzzy, in memory, no SQLite). Longer
 * queries, and short ones no headline matches, get the full search.
 */
const AS_YOU_TYPE_CHARS = 8;

interface Card {
  articleId: string;
  title: string;
  paper: string;
  label: string;
  excerptHtml: string;
  excerptPlain: string;
}

/** One inline answer: its cards, whether more follow, and the outcome in words when it is not a plain answer. */
interface Cards {
  cards: Card[];
  more: boolean;
  lead?: string;
}

/** The button text when nothing matches: Telegram's own "no results" would not say what to do. */
const INLINE_NONE = '资料库里没有找到相关报道，点此看看可以怎么问';
/** The button text when the search syntax leaves nothing to look for (only -词, or empty quotes). */
const INLINE_SYNTAX = '只有要排除的词或空引号，请加上要找的词';

/**
 * Inline mode: `@bot 关键词` in any chat offers matching articles as cards that can be sent:
 * headline, paper and date, excerpt and the deep link that opens the whole article in the bot.
 * An empty query offers the newest issue's articles; a word being typed is matched against headlines
 * as typed (prefix + fuzzy, see AS_YOU_TYPE_CHARS), anything else is searched like a question.
 */
export function createInlineFeature(deps: { archive: Archive; search: SearchEngine }): Composer<BotContext> {
  const feature = new Composer<BotContext>();

  feature.on('inline_query', async (ctx) => {
    const query = ctx.inlineQuery.query.trim();
    const offset = /^\d{1,4}$/.test(ctx.inlineQuery.offset) ? Number(ctx.inlineQuery.offset) : 0;
    const { cards, more, lead } = query === '' ? latestCards(deps.archive, offset) : (headlineCards(deps.search, query, offset) ?? searchCards(deps.search, query, offset));
    const username = ctx.me.username;
    const seen = new Set<string>();
    const results: InlineQueryResultArticle[] = [];
    for (const card of cards) {
      if (seen.has(card.articleId)) continue;
      seen.add(card.articleId);
      const link = articleDeepLink(username, card.articleId);
      results.push({
        type: 'article',
        id: `${offset + results.length}_${card.articleId}`.slice(0, 64),
        title: shorten(card.title, 60),
        description: describeCard(card),
        input_message_content: {
          message_text: [bold(card.title), escapeHtml(`《${card.paper}》${card.label}`), '', card.excerptHtml, '', `阅读全文：${escapeHtml(link)}`].join('\n'),
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        },
        reply_markup: { inline_keyboard: [[{ text: '📖 阅读全文', url: link }]] },
      });
    }
    ctx.log.debug({ query, results: results.length }, 'inline query');
    // A button above the cards says what the outcome was (Telegram shows no text of ours otherwise): no
    // report at all, or reports that do not give the fact. It opens the bot, whose welcome shows how to ask.
    const button = lead !== undefined && offset === 0 ? { button: { text: shorten(lead, 64), start_parameter: 'inline' } } : {};
    await ctx.answerInlineQuery(results, { cache_time: 300, next_offset: more ? String(offset + INLINE_PAGE_SIZE) : '', ...button });
  });

  return feature;
}

/** Characters of a card's description: label, then as much of the excerpt as fits. */
const DESCRIPTION_MAX = 120;

/**
 * A card's description: its label, then the excerpt cut at a clause or before a figure, never inside a
 * figure or quotation (trimExcerpt), as the excerpt itself is; a plain cut would show "12" of "12,000吨".
 */
function describeCard(card: Card): string {
  const label = `${card.label} · `;
  const room = DESCRIPTION_MAX - Array.from(label).length;
  return room < 10 ? shorten(label + card.excerptPlain, DESCRIPTION_MAX) : label + trimExcerpt({ text: card.excerptPlain, max: room });
}

/** Cards of the headlines a short query (a word being typed) matches; undefined when it is no such query or none matches. */
function headlineCards(search: SearchEngine, query: string, offset: number): Cards | undefined {
  if (Array.from(query).length > AS_YOU_TYPE_CHARS || /[?？]/u.test(query)) return undefined;
  // Quoted phrases and -词 are conditions on the article: the full search applies them, as in the chat.
  const syntax = parseSearchSyntax(query);
  if (syntax.kind === 'problem' || usesSyntax(syntax)) return undefined;
  const hits = search.searchTitles(query, offset + INLINE_PAGE_SIZE + 1);
  if (hits.length === 0) return undefined;
  const cards = hits.slice(offset, offset + INLINE_PAGE_SIZE).map((r) => ({
    articleId: r.articleId,
    title: r.title,
    paper: r.paper,
    label: formatIssueLabel({ date: r.date, dateSource: r.dateSource, number: r.issueNumber }),
    excerptHtml: highlightTerms(r.excerpt, r.highlights),
    excerptPlain: r.excerpt,
  }));
  return { cards, more: hits.length > offset + INLINE_PAGE_SIZE };
}

function searchCards(search: SearchEngine, query: string, offset: number): Cards {
  const asked = askWithSyntax(search, shorten(query, 100), { limit: INLINE_PAGE_SIZE + 1, offset });
  if (asked.kind === 'problem') return { cards: [], more: false, lead: INLINE_SYNTAX };
  const { answer } = asked;
  // A question about the archive itself (资料库有多少期报纸): its counts on the button, not "nothing found" (QA A9).
  if (answer.archive !== undefined && answer.archive.issues > 0) {
    const { issues, earliest, latest } = answer.archive;
    return { cards: [], more: false, lead: `资料库收录 ${issues} 期报纸：${earliest?.date ?? ''} 至 ${latest?.date ?? ''}` };
  }
  if (answer.outcome === 'none' || answer.results.length === 0) return { cards: [], more: false, lead: INLINE_NONE };
  // `related`: the articles are on the subject, but none states what was asked; each card and the button say so.
  const related = answer.outcome === 'related' ? '相关报道，未写明所问内容' : undefined;
  const cards = answer.results.slice(0, INLINE_PAGE_SIZE).map((r) => ({
    articleId: r.articleId,
    title: r.title,
    paper: r.paper,
    label: [related, formatIssueLabel({ date: r.date, dateSource: r.dateSource, number: r.issueNumber })].filter(Boolean).join(' · '),
    excerptHtml: highlightTerms(r.excerpt, r.highlights),
    excerptPlain: r.excerpt,
  }));
  return { cards, more: answer.results.length > INLINE_PAGE_SIZE, ...(answer.outcome === 'related' ? { lead: relatedLead(answer) } : {}) };
}

function latestCards(archive: Archive, offset: number): Cards {
  const head = archive.latest();
  const latest = head && archive.readIssue(head.id);
  if (!head || !latest) return { cards: [], more: false };
  const refs: ArticleRef[] = latest.articles.map((article) => ({ article, issue: head }));
  const cards = refs.slice(offset, offset + INLINE_PAGE_SIZE).map(({ article, issue }) => {
    const lead = shorten(article.paragraphs[0] ?? article.captions[0] ?? '', 150);
    return {
      articleId: article.id,
      title: article.title,
      paper: issue.paper,
      label: formatIssueLabel(issue),
      excerptHtml: escapeHtml(lead),
      excerptPlain: lead,
    };
  });
  return { cards, more: refs.length > offset + INLINE_PAGE_SIZE };
}
