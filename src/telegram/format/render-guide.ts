import type { Archive } from '../../archive/archive.js';
import { formatIssueSpan } from './issue-date.js';
import { bold, escapeHtml } from './html.js';
import type { View } from './view.js';
import { SEARCH_SYNTAX_HELP } from './render-syntax-hint.js';
import { NONE_ADVICE, noneLead } from '../../search/describe-outcome.js';
import { excludedAllLead } from '../../search/describe-exclusion.js';
import type { SearchSyntax } from '../../search/parse-search-syntax.js';

/** What the archive holds, in one sentence: 资料库收录《昌吉日报》2024年11月7日至11月13日共 5 期。 */
export function describeArchive(archive: Archive): string {
  const issues = archive.issues();
  const count = issues.length;
  const paper = `《${escapeHtml(archive.paper.name)}》`;
  if (count === 0) return `资料库暂时还没有收录${paper}的报纸。`;
  return `资料库收录${paper}${formatIssueSpan(issues[0]!, issues[count - 1]!)}共 ${count} 期报纸。`;
}

/**
 * Example questions: the paper's own list (`exampleQuestions` in config/paper.json), real questions about what
 * the archive holds, then the biggest topic and the newest issue as commands. Without that list, examples are
 * taken from the archive itself: the place with the most articles as a keyword, a headline of the newest issue.
 */
export function exampleQuestions(archive: Archive): string[] {
  const topics = archive.topics().filter((t) => t.count > 0).sort((a, b) => b.count - a.count);
  const configured = archive.paper.exampleQuestions ?? [];
  if (configured.length > 0) {
    const latest = archive.latest();
    const topic = topics.find((t) => t.kind === 'topic');
    return [
      ...configured.slice(0, 4),
      ...(topic ? [`/topic ${topic.name}`] : []),
      ...(latest ? [latest.number !== undefined ? `/date 第${latest.number}期` : `/date ${latest.date}`] : []),
    ];
  }
  const examples: string[] = [];
  const place = topics.find((t) => t.kind === 'place');
  if (place) examples.push(place.name);
  const latest = archive.latest();
  const headline = latest?.articles
    .filter((a) => a.kind !== 'photo' && !a.titleDerived)
    .map((a) => a.title)
    .sort((a, b) => a.length - b.length)[0];
  if (headline) examples.push(headline);
  const topic = topics.find((t) => t.kind === 'topic');
  if (topic) examples.push(`/topic ${topic.name}`);
  if (latest) examples.push(latest.number !== undefined ? `/date 第${latest.number}期` : `/date ${latest.date}`);
  return examples;
}

/** The reply to a question nothing in the archive matches: what is covered and what to try. */
export function renderNoMatch(question: string, archive: Archive): View {
  const lines = [
    escapeHtml(noneLead(question)),
    describeArchive(archive),
    '',
    `${NONE_ADVICE}，例如：`,
    ...exampleQuestions(archive).map((e) => `• ${escapeHtml(e)}`),
    '',
    '也可以发送 /issues 浏览全部期次，或 /topics 按主题浏览。',
  ];
  return { text: lines.join('\n') };
}

/** The reply to a question about the archive itself (资料库有多少期报纸): its own counts and range (QA A9). */
export function renderArchiveFacts(archive: Archive): View {
  const issues = archive.issues();
  const years = [...new Set(issues.map((i) => i.date.slice(0, 4)))];
  const articles = archive.articleCount?.() ?? issues.reduce((n, i) => n + i.articles.length, 0);
  // The articles and the years too: 一共收了多少篇文章 and 能查到哪些年份的报纸 are answered by the same facts (QA round 3 Q3).
  const more = issues.length === 0 ? '' : `共 ${articles} 篇文章，收录年份：${years.map((y) => `${y}年`).join('、')}。\n`;
  return { text: `${describeArchive(archive)}\n${more}发送 /issues 浏览全部期次，/latest 看最新一期。` };
}

/** The reply when the reader's `-词` exclusions removed every report the question finds (see excludedAllLead). */
export function renderExcludedAll(syntax: Pick<SearchSyntax, 'text' | 'exclude'>, matches: number): View {
  return { text: escapeHtml(excludedAllLead(syntax.text, syntax.exclude, matches)) };
}

/** What the guides may mention beyond the archive: `digest` when the bot offers the daily digest (/subscribe). */
export interface GuideOptions {
  digest?: boolean;
}

/** /start without a payload. */
export function renderWelcome(archive: Archive, botUsername: string, options: GuideOptions = {}): View {
  return {
    text: [
      `您好！我是${bold(`《${archive.paper.name}》`)}资料库助手。`,
      describeArchive(archive),
      '',
      '直接发给我一个问题或几个关键词，我会找出相关的报道和原文段落。',
      ...exampleList(archive),
      ...(options.digest ? ['', `想每天收到最新一期的要闻？发送 /subscribe 订阅每日摘要（例如 ${subscribeExample(archive)}），/settings 修改时间和筛选，/digest 先看一眼。`] : []),
      '',
      renderCommandList(archive, botUsername),
    ].join('\n'),
  };
}

/** The digest's commands, for /help. */
function renderDigestCommands(archive: Archive): string {
  return [
    bold('每日摘要'),
    `/subscribe — 每天定时收到最新一期的要闻摘要，例如 ${subscribeExample(archive)}`,
    '/settings — 查看和修改摘要的时间和筛选',
    '/digest — 现在预览一次摘要',
    '/unsubscribe — 退订',
  ].join('\n');
}

/** `/subscribe 07:30 <the archive's biggest topic>`, or without a topic when there is none. */
function subscribeExample(archive: Archive): string {
  const topic = archive.topics().filter((t) => t.kind === 'topic' && t.count > 0).sort((a, b) => b.count - a.count)[0];
  return `/subscribe 07:30${topic ? ` ${escapeHtml(topic.name)}` : ''}`;
}

/** /help */
export function renderHelp(archive: Archive, botUsername: string, options: GuideOptions = {}): View {
  const examples = exampleQuestions(archive);
  return {
    text: [
      bold('使用说明'),
      describeArchive(archive),
      '',
      '• 私聊：直接发送问题，例如：',
      ...examples.map((e) => `  ${escapeHtml(e)}`),
      '• 群聊：发送 /ask 问题、@我 提问，或回复我的消息。',
      ...SEARCH_SYNTAX_HELP.map(escapeHtml),
      '',
      renderCommandList(archive, botUsername),
      ...(options.digest ? ['', renderDigestCommands(archive)] : []),
    ].join('\n'),
  };
}

function renderCommandList(archive: Archive, botUsername: string): string {
  const latest = archive.latest();
  const date = latest?.date ?? '2024-01-01';
  const [, m, d] = date.split('-').map(Number);
  const number = latest?.number !== undefined ? `、第${latest.number}期` : '';
  return [
    bold('常用命令'),
    '/latest — 最新一期',
    `/date ${date} — 按日期查看（也可写 ${m}月${d}日${number}）`,
    '/issues — 全部期次',
    '/topics — 按主题和地区浏览',
    '/topic 名称 — 某个主题或地区的报道',
    `/onthisday — 历史上的今天（也可写 /onthisday ${m}月${d}日）`,
    '/ask 问题 — 在群聊中提问',
    `在任意聊天中输入 @${escapeHtml(botUsername)} 关键词，可以把报道分享给朋友。`,
  ].join('\n');
}

/** A few example questions (no commands) for /start, one a line; none when the archive offers none. */
function exampleList(archive: Archive): string[] {
  const examples = exampleQuestions(archive).filter((e) => !e.startsWith('/')).slice(0, 3);
  return examples.length > 0 ? ['例如：', ...examples.map((e) => `• ${escapeHtml(e)}`)] : [];
}

/** A bare number in a chat that is no issue number: how to ask for an issue, or what to ask instead. */
export function renderNumberHint(number: string, archive: Archive): View {
  const latest = archive.latest();
  const example = exampleQuestions(archive).find((e) => !e.startsWith('/'));
  const lines = [`资料库中没有第${escapeHtml(number)}期报纸。`];
  if (latest?.number !== undefined) lines.push(`按期号看报请发送 /date 第${latest.number}期，按日期看报请发送 /date ${latest.date}。`);
  else if (latest) lines.push(`按日期看报请发送 /date ${latest.date}。`);
  // An example question ends in its own ？; a full stop after it would read twice.
  lines.push(example ? `想检索报道，请写上关键词或问题，例如：${escapeHtml(example)}` : '想检索报道，请写上关键词或问题。');
  return { text: lines.join('\n') };
}

/** `@bot` alone in a group: how to ask by mentioning the bot. */
export function renderMentionPrompt(archive: Archive, botUsername: string): View {
  const example = exampleQuestions(archive).find((e) => !e.startsWith('/')) ?? '关键词';
  return {
    text: `请在 @${escapeHtml(botUsername)} 后面接着写上您的问题，例如：\n@${escapeHtml(botUsername)} ${escapeHtml(example)}\n也可以发送 /ask 问题，或直接回复我的消息提问。`,
  };
}

/** /ask with nothing after it. */
export function renderAskPrompt(archive: Archive): View {
  const example = exampleQuestions(archive)[0] ?? '关键词';
  return { text: `请在 /ask 后面写上您的问题，例如：/ask ${escapeHtml(example)}` };
}

/** A private message with no visible text (spaces, invisible characters): just ask, no command needed. */
export function renderQuestionPrompt(archive: Archive): View {
  const example = exampleQuestions(archive).find((e) => !e.startsWith('/')) ?? '关键词';
  return { text: `这条消息是空的。请直接发送您想问的问题，例如：${escapeHtml(example)}` };
}

/** The reply to 你好 and the like: who the bot is and what to send it, in a few lines. */
export function renderGreeting(archive: Archive): View {
  const examples = exampleQuestions(archive).filter((e) => !e.startsWith('/')).slice(0, 2);
  return {
    text: [
      `您好！我是${bold(`《${archive.paper.name}》`)}资料库助手。`,
      describeArchive(archive),
      `直接发给我问题或关键词${examples.length > 0 ? `（例如：${examples.map(escapeHtml).join('、')}）` : ''}，我会找出相关的报道。`,
      `发送 /latest 看最新一期，${dateExample(archive)} 按日期看报，/help 查看全部用法。`,
    ].join('\n'),
  };
}

/** `/date 11月7日`: a day the archive has (its newest), never a relative day the archive may not reach. */
function dateExample(archive: Archive): string {
  const latest = archive.latest();
  if (!latest) return '/date 日期';
  const [, m, d] = latest.date.split('-').map(Number);
  return `/date ${m}月${d}日`;
}

/** The reply to 谢谢 and the like, or (`ack`) to 好的, 收到, ok. */
export function renderThanks(kind: 'thanks' | 'ack' = 'thanks'): View {
  return { text: `${kind === 'thanks' ? '不客气！' : '好的。'}还想查什么，直接发给我关键词或问题就好；发送 /help 查看全部用法。` };
}
