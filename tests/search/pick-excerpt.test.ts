import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickExcerpt, sentencesOf } from '../../src/search/pick-excerpt.js';
import { buildQueryModel } from '../../src/search/query-model.js';
import { createTermStats } from '../../src/search/term-stats.js';
import { normalizeForMatch } from '../../src/text/normalize-for-match.js';
import { splitSentences } from '../../src/text/split-sentences.js';
import { profileTokenizer } from '../support/test-profile.js';

const tokenizer = profileTokenizer();
const stats = createTermStats();
const modelOf = (q: string) => buildQueryModel(tokenizer.query(normalizeForMatch(q)), stats, q);
const passagesOf = (...texts: string[]) => texts.map((t) => sentencesOf(t, splitSentences));

const filler = (n: number) => Array.from({ length: n }, (_, i) => `第${i + 1}段说明了会议的一般安排和出席人员。`).join('');

describe('pickExcerpt', () => {
  it('centres on the sentence that answers and keeps it whole', () => {
    const passages = passagesOf(`${filler(3)}今年，奇台县种植马铃薯12万亩，平均亩产3.2吨。${filler(3)}`);
    const { text } = pickExcerpt({ model: modelOf('奇台县马铃薯平均亩产多少'), passages, focus: 0 });
    expect(text).toContain('今年，奇台县种植马铃薯12万亩，平均亩产3.2吨。');
    expect(text.length).toBeLessThanOrEqual(200);
  });

  it('keeps the core sentence of an answer window too long to show whole', () => {
    const first = '县社区党组织统筹社区干部、下沉党员干部等各支力量，采取走访入户、信访接待、电话反映等多种方式，收集居民在低保、社保、养老、住房、就业、就学、就医等方面的问题困难，倾听居民对社区事务管理、社区干部作风、党员履责等方面的意见建议，了解掌握居民在家庭矛盾、邻里纠纷、信访诉求、物业服务等方面的问题，社区解决不了的事也分类处理。';
    const second = '对自身无法办理的困难诉求，依托派单机制派单，对不符合政策要求的，安排专人沟通交流，解疑释惑。';
    const passages = passagesOf(first + second);
    expect((first + second).length).toBeGreaterThan(200);
    const { text } = pickExcerpt({ model: modelOf('社区解决不了的事怎么处理'), passages, focus: 0, anchor: { start: 0, end: 1, core: 1 }, max: 120 });
    expect(text).toContain('依托派单机制派单');
  });

  it('prefers a sentence with a figure in the unit the question asks for', () => {
    const passages = passagesOf('培训班在福州开班，共计30人参加培训。培训时间共9天，采取理论授课和现场教学相结合的方式。');
    const { text } = pickExcerpt({ model: modelOf('培训班培训多少天'), passages, focus: 0, max: 40 });
    expect(text).toContain('9天');
  });

  it('fills the room left with the answering clause of a neighbouring sentence too long to fit whole', () => {
    const lead = '11月4日，昌吉州全域旅游发展专题培训班在福建省福州市开班，来自各县市文旅局的负责人共计30人参加此次培训。';
    const next = '此次培训由昌吉州文化和旅游局主办，培训时间共9天，培训采取理论授课、现场教学、座谈讨论相结合的方式，重点学习发展全域旅游助力乡村振兴、新质生产力赋能文旅产业高质量发展等内容。';
    const { text } = pickExcerpt({ model: modelOf('福州专题培训班培训几天'), passages: passagesOf(lead, next), focus: 0, max: 100 });
    expect(text.length).toBeLessThanOrEqual(100);
    expect(text).toContain('培训时间共9天');
    expect(text).toMatch(/…$/u);
  });

  it('prefers the sentence with the figure beside the thing the question counts', () => {
    // An article about 昌吉市人大: most sentences name it, so naming it tells them apart little.
    const passages = passagesOf(
      '昌吉市人大常委会积极探索全过程人民民主。昌吉市人大常委会推行“实现1个目标、突出1个主体”的实践模式，通过“实践基地+实践站”召开议政会12场次。',
      '目前，实践基地建成乡镇、街道实践站3个，村（社区）实践点13个。昌吉市人大常委会将持续完善工作机制。',
    );
    const { text } = pickExcerpt({ model: modelOf('昌吉市人大建了几个实践站'), passages, focus: 0, max: 40 });
    expect(text).toContain('实践站3个');
  });

  it('takes in the opening of a quotation the answer closes, with its speaker', () => {
    const passages = passagesOf(
      '呼图壁县香妃海棠进入采摘期。唐浩文说：“我们坚持绿色发展理念，让果树自然生长。截至目前，客商预订的香妃海棠占到了总产量的70%，预计今年收入400万元。”近年来，呼图壁县大力发展特色林果产业。',
    );
    const { text } = pickExcerpt({ model: modelOf('香妃海棠预计今年收入多少'), passages, focus: 0, max: 100 });
    expect(text).toContain('400万元');
    expect(text).toContain('唐浩文说：“我们坚持');
  });

  it('never leaves a quotation mark without its partner', () => {
    const passages = passagesOf(
      '唐浩文说：“我们坚持绿色发展理念，减少人为干预，让果树自然生长，保证了产品品质，也打出了品牌。截至目前，香妃海棠预计今年收入400万元。”近年来，呼图壁县大力发展特色林果产业。',
    );
    const model = modelOf('香妃海棠预计今年收入多少');
    for (const max of [30, 40, 60, 80]) {
      const { text } = pickExcerpt({ model, passages, focus: 0, max });
      expect(text).toContain('400万元');
      expect(text.split('“').length).toBe(text.split('”').length);
      expect(text.indexOf('”')).toBeGreaterThanOrEqual(text.indexOf('“'));
    }
  });

  it('prefers the sentence with a date for a question asking when', () => {
    const passages = passagesOf('石门子水库建成后灌溉农田二十万亩。石门子水库是国家水利风景区。石门子水库于1998年6月兴建，2000年10月建成。');
    const { text } = pickExcerpt({ model: modelOf('石门子水库什么时候建成'), passages, focus: 0, max: 30 });
    expect(text).toContain('2000年10月建成');
  });

  it('prefers the sentence giving another name for a question asking what else it is called', () => {
    const passages = passagesOf('香妃海棠正发往全国各地。香妃海棠大小如鸡蛋，状似鸡心，又称“鸡心果”。香妃海棠果口感脆甜。');
    const { text } = pickExcerpt({ model: modelOf('香妃海棠又叫什么'), passages, focus: 0, max: 30 });
    expect(text).toContain('鸡心果');
  });

  it('never starts an excerpt with a closing quote or bracket', () => {
    const passages = passagesOf('前面的话说完了。', '”石门子水库建成于2000年。');
    const { text } = pickExcerpt({ model: modelOf('石门子水库建成'), passages, focus: 1, max: 20 });
    expect(text).toBe('石门子水库建成于2000年。');
  });

  it('adds neighbouring sentences while the excerpt stays within the limit', () => {
    const passages = passagesOf('第一句讲背景。', '马铃薯亩产3.2吨。', '第三句讲前景。');
    const { text } = pickExcerpt({ model: modelOf('马铃薯亩产'), passages, focus: 1 });
    expect(text).toBe('第一句讲背景。马铃薯亩产3.2吨。第三句讲前景。');
  });

  it('cuts a sentence longer than the limit at clauses and marks the cuts', () => {
    const long = `${'会议强调，要坚持问题导向，'.repeat(10)}石城子水库始建于1975年3月，${'要加强统筹协调，'.repeat(10)}确保工作落实。`;
    const { text } = pickExcerpt({ model: modelOf('石城子水库始建于哪一年'), passages: passagesOf(long), focus: 0 });
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text).toContain('石城子水库始建于1975年3月');
    expect(text.startsWith('…')).toBe(true);
  });

  it('never exceeds the limit, whatever the sentences', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 260 }), { minLength: 1, maxLength: 8 }), fc.integer({ min: 20, max: 200 }), (lengths, max) => {
        const text = lengths.map((n, i) => `${'水库'.repeat(Math.ceil(n / 2)).slice(0, n)}${i % 2 ? '，' : ''}。`).join('');
        const { text: excerpt } = pickExcerpt({ model: modelOf('水库'), passages: passagesOf(text), focus: 0, max });
        expect(excerpt.length).toBeLessThanOrEqual(max);
      }),
      { numRuns: 100 },
    );
  });
});
