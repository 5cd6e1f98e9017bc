import { termLabel, type DigestFilter } from '../../digest/digest-filter.js';
import type { Subscription } from '../../digest/subscription.js';
import type { Script } from '../../text/convert-script.js';
import { bold, escapeHtml } from '../format/html.js';
import type { View } from '../format/view.js';
import { settingsKeyboard, subMark, type FilterChoice } from './subscription-keyboard.js';

/** How the newest issue fares under a filter: said whenever a filter is shown, so an empty one is noticed. */
export interface NewestMatch {
  /** 11月7日 (with 约 when inferred). */
  label: string;
  matched: number;
  total: number;
}

/** Everything /settings shows for one chat. */
export interface SettingsState {
  paper: string;
  zoneLabel: string;
  sub?: Subscription;
  /** The chat's active subscriptions, by number: with more than one, /settings offers a button for each. */
  subs?: Subscription[];
  filter: DigestFilter;
  /** The chat's chosen script; undefined = follows each reader's writing. */
  script?: Script;
  newest?: NewestMatch;
  choices: { topics: FilterChoice[]; places: FilterChoice[] };
  /** The time a (re)subscription from /settings uses. */
  resumeTime: string;
  /** Set when a private chat shows (and changes) a channel's settings. */
  channel?: { chatId: number; title: string };
}

const quoted = (words: readonly string[]) => words.map((w) => `“${escapeHtml(termLabel(w))}”`).join('或');

/** “农业”或“棉花”相关的文章，不含“广告”; the whole issue when the filter is empty. (HTML) */
export function describeFilter(filter: DigestFilter): string {
  const kept = filter.include.length === 0 ? '最新一期的全部文章' : `只含与${quoted(filter.include)}相关的文章`;
  return filter.exclude.length === 0 ? kept : `${kept}，不含${filter.exclude.map((w) => `“${escapeHtml(w)}”`).join('、')}的文章`;
}

/** The newest issue under a filter: how many articles it has for the reader, and plainly when none. (HTML) */
export function describeNewest(newest: NewestMatch | undefined, filter: DigestFilter): string | undefined {
  if (newest === undefined || (filter.include.length === 0 && filter.exclude.length === 0)) return undefined;
  return newest.matched === 0
    ? `⚠️ 最新一期（${escapeHtml(newest.label)}）没有符合筛选的文章：这样的日子不推送。`
    : `最新一期（${escapeHtml(newest.label)}）有 ${newest.matched}/${newest.total} 篇符合。`;
}

const SCRIPT_LABEL: Record<Script, string> = { simplified: '简体', traditional: '繁體' };

/** /settings: the subscription (or how to start one), the reply script, and the buttons that change them. */
export function renderSettings(state: SettingsState): View {
  const { sub, filter } = state;
  const title = bold(`《${state.paper}》每日摘要`);
  const script = `回复文字：${state.script ? SCRIPT_LABEL[state.script] : '自动（随提问的简繁）'}`;
  let lines: string[];
  if (!sub?.active) {
    lines = sub
      ? [
          `📭 ${title}`,
          '本聊天已退订。',
          // Subscribing again keeps the old time and filter (the store does so): say which, before the reader presses.
          `点击下方按钮重新订阅：每天 ${sub.deliveryTime}（${state.zoneLabel}），${describeFilter(filter)}。`,
          '也可以发送 /subscribe 7:45 关键词 换一个时间或主题订阅。',
        ]
      : [`📭 ${title}`, '本聊天尚未订阅。', `订阅后每天在您选定的时间（${state.zoneLabel}）收到最新一期的要闻摘要。`];
    lines.push('', script);
  } else {
    lines = [
      `📬 ${bold(`《${state.paper}》每日摘要 · 已订阅`)}`,
      ...optional(describeSubs(state)),
      `推送时间：每天 ${sub.deliveryTime}（${state.zoneLabel}）`,
      `内容：${describeFilter(filter)}${filter.include.length > 0 ? '（没有相关文章的那天不推送）' : ''}`,
      ...optional(describeNewest(state.newest, filter)),
      `历史上的今天：${sub.onThisDay ? '附在摘要末尾' : '不附'}`,
      script,
      '',
      '用下方按钮修改：点主题可多选；✕ 去掉关键词或排除词。',
      '发送 /subscribe 7:45 农业 棉花 -广告 可一次设定时间、多个关键词和排除词。',
    ];
  }
  const head = state.channel ? [`📣 频道「${escapeHtml(state.channel.title)}」`] : [];
  return { text: [...head, ...lines].join('\n'), buttons: settingsKeyboard(state) };
}

/** The answer to /subscribe: what was saved, and how the newest issue fares under it. (HTML) */
export function renderSubscribed(state: SettingsState, updated: boolean, unmatchedInArchive: readonly string[]): View {
  const sub = state.sub!;
  const lines = [
    `✅ ${bold(updated ? '订阅已更新' : '订阅成功')}：每天 ${sub.deliveryTime}（${state.zoneLabel}）推送《${escapeHtml(state.paper)}》最新一期的摘要，${describeFilter(state.filter)}${
      state.filter.include.length > 0 ? '（没有相关文章的那天不推送）' : ''
    }。`,
  ];
  if (unmatchedInArchive.length > 0) {
    lines.push(`⚠️ 目前资料库中没有与${quoted(unmatchedInArchive)}相关的文章，有相关文章时才会推送；在 /settings 中点“全部文章”取消筛选。`);
  }
  lines.push(...optional(describeNewest(state.newest, state.filter)));
  lines.push('没有新一期时不会重复推送。', '/digest 立即预览 · /settings 修改 · /unsubscribe 退订');
  return { text: lines.join('\n') };
}

/** With several subscriptions: which one the settings below show. (HTML) */
function describeSubs(state: SettingsState): string | undefined {
  const subs = state.subs ?? [];
  if (subs.length < 2 || !state.sub) return undefined;
  const at = subs.findIndex((s) => s.sub === state.sub!.sub);
  return `本聊天有 ${subs.length} 个订阅；下面是 ${subMark(at)}（点编号按钮切换）：`;
}

function optional(line: string | undefined): string[] {
  return line === undefined ? [] : [line];
}
