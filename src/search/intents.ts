/**
 * The few things readers write to the bot that are not questions about the archive: greetings, thanks,
 * asking for help or for the newest paper, just a date, or everyday chat. Recognised from word lists
 * and chat patterns (all in this file), on the whole message only, so a real question is never taken
 * for one of them. Part of the search core: `npm run ask`, the eval and the bot read messages alike.
 */

export type Intent =
  | { kind: 'greeting' }
  | { kind: 'thanks' }
  /** 好的, 收到, ok: an acknowledgement, not a question. */
  | { kind: 'ack' }
  | { kind: 'help' }
  | { kind: 'latest' }
  /** 最早的一期是哪天: the oldest issue, as /latest shows the newest. */
  | { kind: 'earliest' }
  /** 资料库有多少期报纸, 收录了哪些年份: answered from the archive's own counts, never searched. */
  | { kind: 'archive' }
  /** The message is only a date expression (昨天的报纸, 11月7日): show what /date shows for it. */
  | { kind: 'date'; text: string }
  /** Everyday chat addressed to the bot (讲个笑话, 陪我聊天, 吃饭了没, 现在几点): answered as chat, never searched. */
  | { kind: 'chat' };

/** The intents that are conversation, not a request: the search engine answers them with no results. */
export type ChatKind = 'greeting' | 'thanks' | 'ack' | 'chat';

/**
 * Everyday chat, by kind of remark rather than by sentence: jokes and stories, keeping company,
 * moods, meals, the time and day, remarks about the bot itself, goodbyes. Matched against the
 * whole normalised message, which must be short: a question about the archive that happens to use
 * one of these words is longer and names something the paper printed.
 */
const CHAT_PATTERNS: readonly RegExp[] = [
  /^(?:给我|跟我|和我|陪我|再)?(?:讲|说|来)(?:一?个|一?段|点)?(?:笑话|故事|段子)/u,
  /^(?:你|您)?(?:能|可以|来)?(?:陪我|跟我|和我|咱们|我们)(?:聊|说说?话|玩|唠)|^(?:我想|想|来)?(?:聊|唠)(?:会儿?|一会儿?|聊)?(?:天|嗑)?$/u,
  /^我?(?:心情|今天)?(?:不好|很烦|好烦|烦死了|无聊|好无聊|难过|伤心|不开心|开心|郁闷|累了|好累|困了|睡不着|想哭)/u,
  /^(?:你|您)?(?:吃饭了|吃了|吃过了|睡了|在干嘛|在干什么|在做什么|忙什么|忙吗)/u,
  /^(?:今天|今晚|晚上|中午|早上|明天)?(?:吃什么|吃啥|喝什么|喝啥|去哪玩|干什么好|做什么好)/u,
  /^(?:今天|现在|明天|昨天)?(?:几号|几点|星期几|礼拜几|周几|几月几[日号])(?:了)?$/u,
  /^(?:现在)?几点了?$/u,
  // The weather: the paper prints no forecast, and 今天/明天 only say when the reader is.
  /^(?:今天|今日|明天|后天|现在|这几天|最近|外面)?(?:的)?(?:天气|气温)(?:怎么样|咋样|如何|好吗|好不好|冷不冷|热不热|热吗|冷吗|怎样)?$|^(?:今天|明天|后天)?(?:会|要)?(?:下雨|下雪)(?:吗|么|不)?$/u,
  /^(?:你|您)(?:几岁|多大|是男|是女|喜欢|爱|会不会|想不想|开心|累|住在|家在|是人|是真人|是机器人|聪明|真笨|好笨|好聪明|真棒)/u,
  /^我(?:爱你|喜欢你|想你|恨你)|^(?:再见|拜拜|88|886|回头见|下次聊|走了)$/u,
];
const MAX_CHAT_LENGTH = 16;

/** About the bot itself (你叫什么名字, 你是谁呀, 你好呀机器人): a greeting, which says who it is and what it holds. */
const ABOUT_BOT = /^(?:你|您)(?:叫什么|叫啥|的名字|名字(?:是|叫)?(?:什么|啥)|是谁|是什么|是哪位)(?:名字)?$|^(?:你好|您好|嗨|哈喽|hello|hi)[呀啊哈]?(?:机器人|小助手|助手|bot)$/u;

/**
 * Asking what an issue held (讲了啥, 有什么新闻, 都说了什么, 那期有哪些报道), after a date: with the date, the
 * issue's articles as /date shows them (QA round 3 Q3, Q13), not a search for 讲 or 新闻.
 */
const ISSUE_CONTENTS_ASKED =
  /(?:的|那|这)?(?:一?期)?(?:的)?(?:报纸|报)?(?:上|里)?(?:都|主要)?(?:讲了|说了|写了|登了|报道了|刊登了|有)(?:些)?(?:啥|什么|哪些)(?:新闻|内容|报道|文章|消息|事)?[吗呢呀啊]?[?？!！。.]*$/u;

/** `text` without a trailing "what did it hold" (see ISSUE_CONTENTS_ASKED); `text` itself when it has none. */
export function withoutIssueContentsAsked(text: string): string {
  const trimmed = text.trim();
  const m = ISSUE_CONTENTS_ASKED.exec(trimmed);
  return m === null || m.index === 0 ? trimmed : trimmed.slice(0, m.index).trim();
}
const LAUGHTER = /^(?:[哈呵嘿嘻]{2,}|h{2,}|2333*|lol|xd)$/u;

/** Asking for the newest reports in other words (最新的报道是什么, 最近有哪些新闻): the latest issue. */
const LATEST_PATTERN =
  /^(?:最新|最近|今天|今日)(?:的|有|都有)?(?:什么|哪些|啥)?(?:一期的?报纸|一期|报道|新闻|消息|报纸|文章)(?:是什么|是啥|有什么|有啥|有哪些|都有什么|说了什么|讲了什么|(?:是|出版于)(?:哪天|哪一天|哪年|什么时候|几号|几月几[日号])(?:的|出版的)?)?$/u;

/** Asking for the oldest issue (最早的一期是哪天, 第一期报纸是什么时候的): the earliest issue (QA A9). */
const EARLIEST_PATTERN =
  /^(?:资料库|档案|数据库)?(?:里|中)?(?:最早|最老|第一)(?:的)?(?:一期|期|一份|那期)?(?:的)?(?:报纸|报道|新闻)?(?:是|在|出版于)?(?:哪天|哪一天|哪年|哪一年|什么时候|几号|几月几[日号]|哪一期|哪期|什么|啥)?(?:的|出版的|的报纸)?$/u;

/** Asking about the archive itself (资料库有多少期报纸, 一共收了多少篇文章, 能查到哪些年份的报纸, 收录范围): its own counts (QA A9, round 3 Q3). */
const ARCHIVE_PATTERN =
  /^(?:资料库|档案|数据库|档案库|你们|你|这里)?(?:里|中)?(?:一共|总共|共|都)?(?:有|收录了?|收了|存了?)(?:多少|几)(?:期|份|篇)(?:报纸|文章|报道|新闻)?$|^(?:资料库|档案|数据库|档案库|你们|你|这里)?(?:里|中)?(?:能|可以)?(?:查到?|看到?|搜到?|找到?|有|收录了?|收了|存了?)(?:哪些|哪几|什么)(?:年份?|个年份)(?:的)?(?:报纸|报道|新闻)?$|^(?:资料库|档案|数据库|你)?(?:的)?(?:收录范围|收录了?(?:哪些|什么)(?:年份|时间|日期)|时间范围|(?:收录|覆盖)(?:了)?(?:从)?哪(?:年|天)到哪(?:年|天))(?:是什么|是啥)?$/u;

/** Whole messages, as `normaliseIntentText` leaves them. */
/** The intents recognised by whole phrases (the others by patterns). */
type PhraseIntent = Exclude<Intent['kind'], 'date' | 'chat' | 'earliest' | 'archive'>;

export const INTENT_PHRASES: Record<PhraseIntent, readonly string[]> = {
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
    '你能干啥', '你会干啥', '你能做啥', '你会做啥', '能干啥', '你能干嘛', '你有啥用', '你有什么用', '你是干什么的', '你是干啥的',
  ],
  latest: [
    '最新', '最新一期', '最新的一期', '最新一期报纸', '最新一期的报纸', '最新的报纸', '最新报纸', '最新的新闻', '最新新闻', '最新消息',
    '最近一期', '最近的一期', '最近的报纸', '最近一期报纸', '最新的一期报纸', '今天的报纸', '今天报纸', '今日报纸', '今天的报', '今日的报纸',
    '今天的新闻', '今天新闻', '今日新闻', '今天有什么新闻', '今天有啥新闻', '今天有哪些新闻', '今天有什么', '有什么新闻', '有啥新闻',
    '最近有什么新闻', '看报', '看报纸', '看看报纸', '看新闻', '看看新闻', '今天的报纸说了什么', '今天报纸说了什么', '新的一期', '这一期',
  ],
};

const LOOKUP = new Map<string, Intent['kind']>(
  (Object.entries(INTENT_PHRASES) as [PhraseIntent, readonly string[]][]).flatMap(([kind, phrases]) =>
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

const ACK_KEYS = new Set(INTENT_PHRASES.ack.map(normaliseIntentText));
const GREETING_KEYS = new Set(INTENT_PHRASES.greeting.map(normaliseIntentText));

/** Whether `text` is two or more phrases of `phrases` written one after the other. */
function isRunOf(text: string, phrases: ReadonlySet<string>): boolean {
  const chars = Array.from(text);
  const reach = [true, ...chars.map(() => false)];
  const pieces = [0, ...chars.map(() => Infinity)];
  for (let i = 0; i < chars.length; i++) {
    if (!reach[i]) continue;
    for (let j = i + 1; j <= chars.length; j++) {
      if (phrases.has(chars.slice(i, j).join(''))) {
        reach[j] = true;
        pieces[j] = Math.min(pieces[j]!, pieces[i]! + 1);
      }
    }
  }
  return reach[chars.length] === true && pieces[chars.length]! >= 2;
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
  // Laughter (哈哈, 呵呵, 233, lol) is a reply to the last answer: normalising would strip it to nothing.
  if (LAUGHTER.test(trimmed.normalize('NFKC').toLowerCase().replace(/[\s\p{P}\p{S}]+/gu, ''))) return { kind: 'ack' };
  const key = normaliseIntentText(trimmed);
  // Only punctuation or emoji (「？」, 「👋」): nothing to search; show what the bot can do.
  if (key === '' && trimmed !== '' && !/[\p{L}\p{N}]/u.test(trimmed)) return { kind: 'help' };
  if (key === '') return undefined;
  const kind = LOOKUP.get(key);
  if (kind !== undefined && kind !== 'date') return { kind } as Intent;
  // 好的知道了, 嗯嗯好的: acknowledgements run together are one.
  if (isRunOf(key, ACK_KEYS)) return { kind: 'ack' };
  // 你好呀，机器人 / 嗨你好: greetings run together, a particle between them, are one greeting.
  const bare = key.replace(/[呀啊哈呢嘛哦]/gu, '');
  if (bare !== key && LOOKUP.get(bare) === 'greeting') return { kind: 'greeting' };
  if (isRunOf(bare, GREETING_KEYS)) return { kind: 'greeting' };
  if (LATEST_PATTERN.test(key)) return { kind: 'latest' };
  if (EARLIEST_PATTERN.test(key) && Array.from(key).length >= 3) return { kind: 'earliest' };
  if (ARCHIVE_PATTERN.test(key)) return { kind: 'archive' };
  if (ABOUT_BOT.test(key)) return { kind: 'greeting' };
  if (Array.from(key).length <= MAX_CHAT_LENGTH && CHAT_PATTERNS.some((p) => p.test(key))) return { kind: 'chat' };
  // A bare number is searched (a phone number, an amount), not read as an issue number or a year.
  if (/^\d+$/.test(trimmed.normalize('NFKC'))) return undefined;
  if (options.isDate(trimmed)) return { kind: 'date', text: trimmed };
  // 昨天的报纸有什么新闻, 11月7日那期讲了啥: the date's issue.
  const dated = withoutIssueContentsAsked(trimmed);
  if (dated !== trimmed && options.isDate(dated)) return { kind: 'date', text: dated };
  return undefined;
}

/**
 * The conversational intent of a message (greeting, thanks, acknowledgement, chat), or undefined
 * when it is a request or a question. What the search engine uses to answer chat without searching.
 *
 * @example chatKindOf('给我讲个笑话吧') // → 'chat'
 */
export function chatKindOf(text: string): ChatKind | undefined {
  const intent = detectIntent(text, { isDate: () => false });
  switch (intent?.kind) {
    case 'greeting':
    case 'thanks':
    case 'ack':
    case 'chat':
      return intent.kind;
    case 'help':
      // 你能干啥 is about the bot, not the archive: the bot shows its help, search answers it as chat (never an excerpt).
      return 'chat';
    default:
      return undefined;
  }
}
