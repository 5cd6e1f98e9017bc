/**
 * The few things readers write to the bot that are not questions about the archive: greetings, thanks,
 * asking for help or for the newest paper, or just a date. Recognised from word lists (all in this file),
 * on the whole message only, so a real question is never taken for one of them.
 */

export type Intent =
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  /** 好的, 收到, ok: an acknowledgement, not a question. */
  | { kind: 'ack' }
  | { kind: 'help' }
  | { kind: 'latest' }
  /** The message is only a date expression (昨天的报纸, 11月7日): show what /date shows for it. */
  | { kind: 'date'; text: string };

/** Whole messages, as `normaliseIntentText` leaves them. */
export const INTENT_PHRASES: Record<Exclude<Intent['kind'], 'date'>, readonly string[]> = {
  greeting: [
    '你好', '您好', '你们好', '大家好', '嗨', '哈喽', '哈啰', '嘿', '喂', 'hello', 'hi', 'hey', 'hallo', '早', '早安', '早上好', '上午好',
    '中午好', '下午好', '晚上好', '晚安', '在', '在不在', '有人', '你是谁', '你是什么', '你叫什么', '机器人', '小助手', '你好机器人',
  ],
  thanks: [
    '谢谢', '谢谢你', '谢谢您', '多谢', '感谢', '非常感谢', '太感谢了', '谢了', '谢啦', '3q', 'thanks', 'thankyou', 'thx', 'ty', '辛苦了',
  ],
  ack: [
    '好的', '好', '好滴', '收到', '明白', '明白了', '知道了', '懂了', 'ok', 'okay', '嗯', '嗯嗯', '不错', '很好', '太好了', '厉害', '赞',
  ],
  help: [
    '帮助', '帮忙', 'help', '菜单', '命令', '指令', '说明', '使用说明', '用法', '怎么用', '如何使用', '怎么使用', '怎么查', '怎么搜',
    '你能做什么', '你会什么', '你会干什么', '你能干什么', '能做什么', '有什么功能', '功能', '教程', 'start', '开始',
  ],
  latest: [
    '最新', '最新一期', '最新的一期', '最新一期报纸', '最新一期的报纸', '最新的报纸', '最新报纸', '最新的新闻', '最新新闻', '最新消息',
    '最近一期', '最近的一期', '最近的报纸', '最近一期报纸', '最新的一期报纸', '今天的报纸', '今天报纸', '今日报纸', '今天的报', '今日的报纸',
    '今天的新闻', '今天新闻', '今日新闻', '今天有什么新闻', '今天有啥新闻', '今天有哪些新闻', '今天有什么', '有什么新闻', '有啥新闻',
    '最近有什么新闻', '看报', '看报纸', '看看报纸', '看新闻', '看看新闻', '今天的报纸说了什么', '今天报纸说了什么', '新的一期', '这一期',
  ],
};

const LOOKUP = new Map<string, Intent['kind']>(
  (Object.entries(INTENT_PHRASES) as [Exclude<Intent['kind'], 'date'>, readonly string[]][]).flatMap(([kind, phrases]) =>
    phrases.map((p) => [normaliseIntentText(p), kind] as const),
  ),
);

/**
 * NFKC, lowercase, without spaces, punctuation, symbols (emoji), a leading 请/麻烦 or trailing particles
 * (吗呢啊呀吧…), so 「你好！」, 「Hello 👋」 and 「在吗？」 all come down to a listed phrase.
 */
export function normaliseIntentText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .replace(/^(?:请问|请|麻烦|那)+/u, '')
    .replace(/(?:[吗嘛呢啊呀吧哈啦哦噢呗]|一下)+$/u, '');
}

/**
 * What a message means when it is not a question, or undefined when it should be searched.
 * `isDate` says whether the whole text is a date the bot's /date understands.
 *
 * @example detectIntent('你好！', { isDate: () => false }) // → { kind: 'greeting' }
 * @example detectIntent('昨天的报纸', { isDate: (t) => t === '昨天的报纸' }) // → { kind: 'date', text: '昨天的报纸' }
 */
export function detectIntent(text: string, options: { isDate: (text: string) => boolean }): Intent | undefined {
  const trimmed = text.trim();
  const key = normaliseIntentText(trimmed);
  // Only punctuation or emoji (「？」, 「👋」): nothing to search; show what the bot can do.
  if (key === '' && trimmed !== '' && !/[\p{L}\p{N}]/u.test(trimmed)) return { kind: 'help' };
  if (key === '') return undefined;
  const kind = LOOKUP.get(key);
  if (kind !== undefined && kind !== 'date') return { kind } as Intent;
  // A bare number is searched (a phone number, an amount), not read as an issue number or a year.
  if (/^\d+$/.test(trimmed.normalize('NFKC'))) return undefined;
  if (options.isDate(trimmed)) return { kind: 'date', text: trimmed };
  return undefined;
}
