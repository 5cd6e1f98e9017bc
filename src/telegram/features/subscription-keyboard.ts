import type { Button } from '../keyboards.js';
import { shorten } from '../format/issue-date.js';
import { channelSettingsButton, settingsButton, type SettingsChange } from './subscription-buttons.js';
import type { SettingsState } from './subscription-view.js';
import { parseDigestFilter, tagTerm, termLabel } from '../../digest/digest-filter.js';
import type { Subscription } from '../../digest/subscription.js';

/** A topic or place offered by /settings, with its index into archive.topics() (the button carries the index). */
export interface FilterChoice {
  name: string;
  index: number;
}

/** ①②… for a chat's subscriptions, in number order. */
export const subMark = (position: number) => String.fromCodePoint(0x2460 + position);

/** A short name for a subscription: its time and filter (plain text, for buttons). */
export function subLabel(sub: Subscription): string {
  const words = parseDigestFilter(sub.filter).include;
  return `${sub.deliveryTime} ${words.length === 0 ? '全部' : words.map(termLabel).join('、')}`;
}

/** Time presets offered by /settings; any other time is one `/subscribe 7:45` away. */
export const PRESET_TIMES = ['06:30', '07:00', '07:30', '08:00', '12:00', '18:00', '20:00', '21:30'];

/**
 * Buttons act on this chat, or on the channel whose settings a private chat shows; when the chat has several
 * subscriptions (or the shown one is not its first), on the shown subscription by number.
 */
const buttonFor = (state: SettingsState) => {
  const sub = state.sub?.active && ((state.subs?.length ?? 0) > 1 || state.sub.sub !== 0) ? state.sub.sub : undefined;
  return (text: string, action: SettingsChange): Button => {
    const change = action.sub === undefined && sub !== undefined && action.kind !== 'script' ? { ...action, sub } : action;
    return {
      text,
      data: state.channel ? channelSettingsButton.encode({ chatId: state.channel.chatId, change }) : settingsButton.encode(change),
    };
  };
};

/** One button per subscription when there are several: ① 07:30 全部, ② 19:00 农业. */
function pickRows(state: SettingsState): Button[][] {
  const subs = state.subs ?? [];
  if (subs.length < 2) return [];
  const button = buttonFor(state);
  const picks = subs.map((s, i) => button(`${state.sub?.sub === s.sub ? '▶' : ''}${subMark(i)} ${shorten(subLabel(s), 12)}`, { kind: 'pick', sub: s.sub }));
  return rowsOf(picks, 3);
}
const mark = (on: boolean, label: string) => (on ? `✓ ${label}` : label);

function rowsOf(buttons: Button[], size: number): Button[][] {
  const rows: Button[][] = [];
  for (let i = 0; i < buttons.length; i += size) rows.push(buttons.slice(i, i + size));
  return rows;
}

/** The script row: shown subscribed or not, since replies are per chat. */
function scriptRow(state: SettingsState): Button[] {
  const button = buttonFor(state);
  return [
    button(mark(state.script === undefined, '自动简繁'), { kind: 'script', script: 'auto' }),
    button(mark(state.script === 'simplified', '简体'), { kind: 'script', script: 'simplified' }),
    button(mark(state.script === 'traditional', '繁體'), { kind: 'script', script: 'traditional' }),
  ];
}

/**
 * /settings buttons: delivery times; "all articles", topics and places (several may be checked); the keywords and
 * exclusions typed with /subscribe, each with ✕ to drop it; the on-this-day section; the reply script; unsubscribe.
 */
export function settingsKeyboard(state: SettingsState): Button[][] {
  const { sub, filter } = state;
  const button = buttonFor(state);
  if (!sub?.active) return [[button(`✅ 订阅（每天 ${state.resumeTime}）`, { kind: 'on' })], scriptRow(state)];
  const times = PRESET_TIMES.map((t) => button(mark(sub.deliveryTime === t, t), { kind: 'time', time: t }));
  // A topic's button is on for its tag term (#农业农村) and, from before tag terms, for its bare name.
  const offered = new Set([...state.choices.topics, ...state.choices.places].flatMap((c) => [c.name, tagTerm(c.name)]));
  const choice = (c: FilterChoice) => button(mark(filter.include.includes(tagTerm(c.name)) || filter.include.includes(c.name), c.name), { kind: 'topic', index: c.index });
  const typed = filter.include.flatMap((word, index) => (offered.has(word) ? [] : [button(`✓ ${shorten(termLabel(word), 10)} ✕`, { kind: 'dropKeyword', index })]));
  const excluded = filter.exclude.map((word, index) => button(`🚫 ${shorten(termLabel(word), 10)} ✕`, { kind: 'dropExclusion', index }));
  return [
    ...pickRows(state),
    ...rowsOf(times, 4),
    [button(mark(filter.include.length === 0, '全部文章'), { kind: 'all' }), ...typed.slice(0, 3)],
    ...rowsOf(typed.slice(3), 4),
    ...rowsOf(state.choices.topics.map(choice), 4),
    ...rowsOf(state.choices.places.map(choice), 4),
    ...rowsOf(excluded, 4),
    [button(sub.onThisDay ? '📅 历史上的今天：附 ✓' : '📅 附上历史上的今天', { kind: 'onThisDay', on: !sub.onThisDay })],
    scriptRow(state),
    [button((state.subs?.length ?? 0) > 1 ? '🚫 退订这个订阅' : '🚫 退订', { kind: 'off' })],
  ];
}
