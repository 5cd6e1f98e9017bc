import { describe, expect, it } from 'vitest';
import { chatKindOf, detectIntent, INTENT_PHRASES, normaliseIntentText, withoutIssueContentsAsked } from '../../src/search/intents.js';

const noDate = { isDate: () => false };

describe('detectIntent', () => {
  it('recognises every listed phrase as its own intent', () => {
    for (const [kind, phrases] of Object.entries(INTENT_PHRASES)) {
      for (const phrase of phrases) expect(detectIntent(phrase, noDate), phrase).toEqual({ kind });
    }
  });

  it('takes acknowledgements run together for one (好的知道了), but not a question holding one', () => {
    expect(detectIntent('好的知道了', noDate)).toEqual({ kind: 'ack' });
    expect(detectIntent('嗯嗯，明白了！', noDate)).toEqual({ kind: 'ack' });
    expect(detectIntent('好的图书馆在哪', noDate)).toBeUndefined();
  });

  it('takes greetings run together, a particle between them, for one greeting, but not a question holding one', () => {
    expect(detectIntent('你好呀，小助手', { isDate: () => false })?.kind).toBe('greeting');
    expect(detectIntent('嗨，你好', { isDate: () => false })?.kind).toBe('greeting');
    expect(detectIntent('你好，机器人展会在哪里办', { isDate: () => false })).toBeUndefined();
  });

  it('ignores case, width, spaces, punctuation, emoji and trailing particles', () => {
    expect(detectIntent('ＨＥＬＬＯ！👋', noDate)).toEqual({ kind: 'greeting' });
    expect(detectIntent('在吗？？', noDate)).toEqual({ kind: 'greeting' });
    expect(detectIntent('  谢谢 啦 ', noDate)).toEqual({ kind: 'thanks' });
    expect(detectIntent('请问怎么用呢', noDate)).toEqual({ kind: 'help' });
    expect(normaliseIntentText('最新 一期！')).toBe('最新一期');
  });

  it('takes weather talk for chat, and a question about weather reports for a question', () => {
    expect(detectIntent('明天天气怎么样', noDate)).toEqual({ kind: 'chat' });
    expect(detectIntent('今天会下雪吗', noDate)).toEqual({ kind: 'chat' });
    expect(detectIntent('暴雪天气对交通有什么影响', noDate)).toBeUndefined();
  });

  it('takes a request for the newest reports in other words for the latest issue', () => {
    expect(detectIntent('最新的新闻有哪些', noDate)).toEqual({ kind: 'latest' });
    expect(detectIntent('最近有什么报道', noDate)).toEqual({ kind: 'latest' });
    expect(detectIntent('最新的监测数据是什么', noDate)).toBeUndefined();
  });

  it('takes questions about the archive itself for its own facts, not for a search (QA A9)', () => {
    for (const q of ['最早的一期是哪天', '第一期报纸是什么时候的', '最早的报纸是哪一年的？', '资料库里最早的一期']) expect(detectIntent(q, noDate), q).toEqual({ kind: 'earliest' });
    for (const q of ['资料库有多少期报纸', '一共收录了几期？', '你们有多少期', '资料库的收录范围', '收录了哪些年份']) expect(detectIntent(q, noDate), q).toEqual({ kind: 'archive' });
    for (const q of ['第一书记是谁', '木垒县最早种冬小麦是哪年', '最早', '有多少人参加']) expect(detectIntent(q, noDate), q).toBeUndefined();
  });

  it('takes a message that is only a date for the date view', () => {
    expect(detectIntent('昨天的报纸', { isDate: (t) => t === '昨天的报纸' })).toEqual({ kind: 'date', text: '昨天的报纸' });
  });

  it('takes a date and "what did it hold" for that date’s issue, and a subject with the same words for a question (QA round 3 Q3, Q13)', () => {
    const isDate = (t: string) => t === '昨天' || t === '11月7日';
    expect(detectIntent('昨天的报纸有什么新闻', { isDate })).toEqual({ kind: 'date', text: '昨天' });
    expect(detectIntent('11月7日那期讲了啥？', { isDate })).toEqual({ kind: 'date', text: '11月7日' });
    for (const q of ['石门子水库讲了啥', '木垒县有什么新闻', '冬小麦有哪些品种']) expect(detectIntent(q, { isDate }), q).toBeUndefined();
    expect(withoutIssueContentsAsked('石门子水库讲了啥')).toBe('石门子水库');
    expect(withoutIssueContentsAsked('冬小麦有哪些品种')).toBe('冬小麦有哪些品种');
  });

  it('takes questions about the archive’s articles, years and newest date, and about the bot itself, for what they ask (QA round 3 Q3)', () => {
    for (const q of ['一共收了多少篇文章', '能查到哪些年份的报纸', '你们收录了哪几年的报纸', '资料库里有多少篇报道']) expect(detectIntent(q, noDate), q).toEqual({ kind: 'archive' });
    for (const q of ['最新一期是哪天的', '最新的一期是什么时候出版的']) expect(detectIntent(q, noDate), q).toEqual({ kind: 'latest' });
    for (const q of ['你叫什么名字', '你是谁呀', '你好呀，机器人']) expect(detectIntent(q, noDate), q).toEqual({ kind: 'greeting' });
    for (const q of ['有多少篇文章写了冬小麦', '哪些年份棉花丰收', '你叫什么名字的村子']) expect(detectIntent(q, noDate), q).toBeUndefined();
  });

  it('leaves questions and bare numbers to the search', () => {
    expect(detectIntent('你好 冬小麦', noDate)).toBeUndefined();
    expect(detectIntent('冬小麦', noDate)).toBeUndefined();
    expect(detectIntent('12125', { isDate: () => true })).toBeUndefined();
  });

  it('takes laughter for an acknowledgement and "what can you do" in chat words for help', () => {
    for (const t of ['哈哈', '哈哈哈！', '呵呵', '233333', 'LOL']) expect(detectIntent(t, noDate), t).toEqual({ kind: 'ack' });
    for (const t of ['你能干啥', '你是干什么的？']) expect(detectIntent(t, noDate), t).toEqual({ kind: 'help' });
    expect(detectIntent('哈萨克族', noDate)).toBeUndefined();
    expect(chatKindOf('你能干啥')).toBe('chat');
  });

  it('takes everyday chat for chat, and a question using the same words for a question', () => {
    for (const t of ['给我讲个故事吧', '陪我聊聊天', '现在几点了？', '你吃了吗', '我好无聊啊']) expect(detectIntent(t, noDate), t).toEqual({ kind: 'chat' });
    for (const t of ['奇台县马铃薯亩产多少', '志愿者给老人讲了什么故事', '社区组织居民聊天会的时间']) expect(detectIntent(t, noDate), t).toBeUndefined();
  });
});
