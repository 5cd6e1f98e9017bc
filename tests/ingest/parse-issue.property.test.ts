import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Issue } from '../../src/archive/model.js';
import type { PaperConfig } from '../../src/config.js';
import { parseIssue } from '../../src/ingest/parse-issue.js';
import { accountedText, characterCounts, sourceText } from './support/text-accounting.js';

const paper: PaperConfig = { name: '昌吉日报', timeZone: 'Asia/Shanghai', mastheadMarkers: ['丝路昌吉客户端', '主管主办'] };

/** Lines of the kinds issue files are made of, in any order. */
const line = fc.constantFrom(
  '',
  '',
  ' ',
  '昌吉州召开会议',
  '## 木垒县冬小麦长势喜人',
  '### 小标题在这里',
  '# 一座水库的变迁',
  '高标准建设 高科技护航',
  '——记者走进石城子水库',
  '□本报记者 杨鹤',
  '本报讯 记者杨雪楠报道：11月5日上午，活动周开幕式举行。',
  '**本报讯** 通讯员钟丽萍报道:11月4日,培训班开班。',
  '新华社北京11月6日电 会议在京召开。',
  '（新华社北京11月4日电）',
  '今年以来，全县新建温室大棚三百座，种植蔬菜、瓜果等二十余个品种。',
  '2024年，全县粮食产量同比增长5%。',
  '据了解，项目总投资33.6亿元，规划装机容量80万千瓦，',
  '特困人 员 基 本 生 活 救 助',
  '完善 30 个驿站。',
  '□本报记者 何龙摄',
  '本报记者 陶维明 摄',
  '无人机镜头里的风电项目建设现场。 □赵 阳摄',
  '3月7日，工作人员正在食用油生产线上作业。',
  'PM<sub>2.5</sub>平均浓度为50微克。',
  '丝路昌吉客户端',
  '2024年11月',
  '7',
  '总第12124期',
  '如何破解难题？',
  '【奇台县江布拉克景区冬季游启动】',
  '## [冬季游，游客纷至沓来]',
  '【记者手记】近年来，文化馆坚持送戏下乡。',
  '实施“筑基固本”行动，夯实基层基础... 实施“护航服务”行动，优化营商环境',
);


describe('parseIssue on arbitrary arrangements of issue lines', () => {
  it('never throws, loses no character, and gives every article a unique id and a title', () => {
    fc.assert(
      fc.property(fc.array(line, { maxLength: 40 }), (lines) => {
        const raw = lines.join('\n');
        const issue = parseIssue(raw, 'fuzz.txt', { paper });
        expect(characterCounts(accountedText(issue))).toEqual(characterCounts(sourceText(raw)));
        const ids = issue.articles.map((a) => a.id);
        expect(new Set(ids).size).toBe(ids.length);
        for (const a of issue.articles) {
          expect(a.title.length).toBeGreaterThan(0);
          expect(a.paragraphs.length + a.captions.length).toBeGreaterThan(0);
        }
        expect(issue.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 300 },
    );
  });
});
