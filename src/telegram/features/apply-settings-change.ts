import type { Archive } from '../../archive/archive.js';
import { keywordsMatchingNothing } from '../../digest/filter-coverage.js';
import { filterProblem, formatDigestFilter, parseDigestFilter, tagTerm, termLabel, type DigestFilter } from '../../digest/digest-filter.js';
import type { DigestStore, SubKey } from '../../digest/open-store.js';
import type { ChatKind } from '../../digest/subscription.js';
import type { SettingsChange } from './subscription-buttons.js';

/** What a settings press did: whether it changed anything, and the toast that answers it (plain text). */
export interface SettingsOutcome {
  ok: boolean;
  text: string;
}

const STALE = '这个按钮已失效，请重新发送 /settings。';

/** Applies one /settings button to a chat's subscription or reply script (permission already checked). */
export function applySettingsChange(
  deps: { store: DigestStore; archive: Archive; now: Date },
  chat: { id: number; kind: ChatKind },
  change: SettingsChange,
): SettingsOutcome {
  const { store, now } = deps;
  if (change.kind === 'script') {
    store.setChatScript(chat.id, change.script === 'auto' ? null : change.script, now);
    return { ok: true, text: change.script === 'auto' ? '回复文字随提问的简繁' : change.script === 'traditional' ? '回覆改用繁體字' : '回复改用简体字' };
  }
  if (change.kind === 'on') {
    const sub = store.subscribe({ chatId: chat.id, sub: change.sub, chatKind: chat.kind, now });
    return { ok: true, text: `已订阅：每天 ${sub.deliveryTime}` };
  }
  const before = store.subscription(chat.id, change.sub);
  if (!before?.active) return { ok: false, text: change.sub === undefined ? '本聊天尚未订阅，请先订阅。' : '这个订阅已退订，请重新发送 /settings。' };
  const filter = parseDigestFilter(before.filter);
  const key = { chatId: chat.id, sub: before.sub };
  switch (change.kind) {
    case 'pick':
      return { ok: true, text: `每天 ${before.deliveryTime} 的订阅` };
    case 'off':
      store.deactivate(chat.id, 'unsubscribed', now, before.sub);
      return { ok: true, text: `已退订每天 ${before.deliveryTime} 的摘要` };
    case 'time':
      store.updateSubscription(key, { deliveryTime: change.time }, now);
      return { ok: true, text: `推送时间改为 ${change.time}` };
    case 'onThisDay':
      store.updateSubscription(key, { onThisDay: change.on }, now);
      return { ok: true, text: change.on ? '摘要末尾附上“历史上的今天”' : '不再附“历史上的今天”' };
    case 'all':
      return setFilter(deps, key, { include: [], exclude: filter.exclude }, '推送全部文章');
    case 'topic':
      return toggleTopic(deps, key, filter, change.index);
    case 'dropKeyword':
    case 'dropExclusion': {
      const list = change.kind === 'dropKeyword' ? filter.include : filter.exclude;
      const word = list[change.index];
      if (word === undefined) return { ok: false, text: STALE };
      const rest = list.filter((_, i) => i !== change.index);
      const next = change.kind === 'dropKeyword' ? { include: rest, exclude: filter.exclude } : { include: filter.include, exclude: rest };
      return setFilter(deps, key, next, `已去掉“${termLabel(word)}”`);
    }
  }
}

/** A topic or place button: on when off, off when on (several may be on). */
function toggleTopic(deps: { store: DigestStore; archive: Archive; now: Date }, key: SubKey, filter: DigestFilter, index: number): SettingsOutcome {
  const topic = deps.archive.topics()[index];
  if (!topic) return { ok: false, text: STALE };
  // Stored as a tag term (#准东): the button selects what /topic lists, not every passing mention.
  const on = !filter.include.includes(tagTerm(topic.name)) && !filter.include.includes(topic.name);
  const next = { include: on ? [...filter.include, tagTerm(topic.name)] : filter.include.filter((w) => w !== topic.name && w !== tagTerm(topic.name)), exclude: filter.exclude };
  const problem = filterProblem(next);
  if (problem) return { ok: false, text: problem };
  if (!on) return setFilter(deps, key, next, `去掉“${topic.name}”`);
  const empty = keywordsMatchingNothing(deps.archive, { include: [tagTerm(topic.name)], exclude: [] }).length > 0;
  return setFilter(deps, key, next, `加上“${topic.name}”${empty ? '（目前资料库中没有相关文章，有相关文章时才会推送）' : ''}`);
}

function setFilter(deps: { store: DigestStore; now: Date }, key: SubKey, next: DigestFilter, text: string): SettingsOutcome {
  deps.store.updateSubscription(key, { filter: formatDigestFilter(next) ?? null }, deps.now);
  return { ok: true, text };
}
