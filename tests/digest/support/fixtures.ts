import { createArchive, type Archive } from '../../../src/archive/archive.js';
import type { Article, Issue } from '../../../src/archive/model.js';
import type { TopicsConfig } from '../../../src/archive/topics-config.js';
import type { Digest } from '../../../src/digest/compose-digest.js';
import type { Deliverer, SendOutcome } from '../../../src/digest/deliverer.js';

export const TOPICS: TopicsConfig = {
  topics: [
    { name: '农业农村', keywords: ['小麦', '棉花', '农业'] },
    { name: '工业能源', keywords: ['风电', '光伏', '能源'] },
  ],
  places: [{ name: '木垒县', aliases: ['木垒县', '木垒'] }],
};

export const PAPER = { name: '测试日报', timeZone: 'Asia/Shanghai', mastheadMarkers: [] };

export function makeArticle(issueId: string, n: number, title: string, body: string): Article {
  return {
    id: `${issueId}-${n}`,
    issueId,
    title,
    titleDerived: false,
    kind: 'news',
    paragraphs: [body],
    captions: [],
    topics: [],
    places: [],
  };
}

/** A small issue: one farming article (木垒), one energy article, one with neither. */
export function makeIssue(id: string, date: string, number: number): Issue {
  return {
    id,
    paper: PAPER.name,
    date,
    dateSource: 'masthead',
    number,
    file: `${id}.txt`,
    boilerplate: [],
    warnings: [],
    articles: [
      makeArticle(id, 1, '木垒县冬小麦播种完成', '本报讯 木垒县今年种植冬小麦十万亩。小麦长势良好，农业部门加强指导。'),
      makeArticle(id, 2, '准东光伏项目并网', '准东新能源基地的光伏项目并网发电。风电和光伏装机继续增长，能源保障更稳。'),
      makeArticle(id, 3, '社区举办读书会', '居民在社区图书室交流读书心得。活动持续两个小时。'),
    ],
  };
}

export function makeArchive(issues: Issue[]): Archive {
  return createArchive(issues, { paper: PAPER, topics: TOPICS });
}

/** A deliverer that renders `partsPerDigest` parts and records every send; `outcome` decides each answer. */
export function recordingDeliverer(
  options: { partsPerDigest?: number; outcome?: (chatId: number, part: string) => SendOutcome | Promise<SendOutcome> } = {},
) {
  const sends: { chatId: number; part: string }[] = [];
  let messageId = 1;
  const deliverer: Deliverer<string> = {
    render: (digest: Digest) =>
      Array.from({ length: options.partsPerDigest ?? 1 }, (_, i) => `${digest.issueId}#${i}:${digest.items.map((it) => it.articleId).join(',')}`),
    async send(chatId, part) {
      const result = options.outcome ? await options.outcome(chatId, part) : ({ kind: 'sent', messageId: messageId++ } as const);
      if (result.kind === 'sent') sends.push({ chatId, part });
      return result;
    },
  };
  return { deliverer, sends };
}

/** Counts how often each (chat, part) was sent. */
export function countSends(sends: { chatId: number; part: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const s of sends) counts.set(`${s.chatId}|${s.part}`, (counts.get(`${s.chatId}|${s.part}`) ?? 0) + 1);
  return counts;
}
