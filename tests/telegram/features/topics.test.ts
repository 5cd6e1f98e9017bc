import { describe, expect, it } from 'vitest';
import type { TopicSummary } from '../../../src/archive/archive.js';
import { createArchive } from '../../../src/archive/archive.js';
import { findTopic } from '../../../src/telegram/features/topics.js';
import { PAPER, TOPICS, makeFixtureIssues } from '../support/archive-fixture.js';
import { buttonsOf, createHarness, lastWithButtons } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

describe('/topics', () => {
  it('lists topics and places with their article counts as buttons', async () => {
    const h = createHarness();
    await h.send('/topics');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('农业农村（2）');
    expect(reply.text).toContain('木垒县（2）');
    const buttons = buttonsOf(reply);
    expect(buttons).toContainEqual({ text: '农业农村 2', data: 't:0:0', url: undefined });
    expect(buttons).toContainEqual({ text: '木垒县 2', data: 't:3:0', url: undefined });
  });

  it('shows the articles of a topic when its button is pressed', async () => {
    const h = createHarness();
    await h.send('/topics');
    const list = lastWithButtons(h);
    await h.press(list, 't:3:0');
    const page = h.api.messages().find((m) => m.messageId === list.messageId)!;
    expect(page.text).toContain('木垒县 · 共 2 篇');
    expect(buttonsOf(page).map((b) => b.data)).toEqual(['a:a1108long:0', 'a:a1107w:0', 'tl']);
  });

  it('answers a button for a topic that does not exist', async () => {
    const h = createHarness();
    await h.send('/topics');
    const mark = h.mark();
    await h.press(lastWithButtons(h), 't:99:0');
    expect(h.callsSince(mark).map((c) => c.method)).toEqual(['answerCallbackQuery']);
  });
});

describe('/topic', () => {
  it('shows the articles of a named topic, newest first', async () => {
    const h = createHarness();
    await h.send('/topic 农业农村');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('农业农村 · 共 2 篇');
    expect(text.indexOf('木垒县冬小麦田间管理纪实')).toBeLessThan(text.indexOf('木垒县冬小麦播种面积达12万亩'));
  });

  it('accepts a short form of a place name', async () => {
    const h = createHarness();
    await h.send('/topic 木垒');
    expect(h.sentSince(0)[0]!.text).toContain('木垒县 · 共 2 篇');
  });

  it('falls back to a headline search for an unknown topic', async () => {
    const h = createHarness();
    await h.send('/topic 天池');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('没有名为「天池」的主题');
    expect(reply.text).toContain('天山天池景区冬季旅游升温');
    expect(buttonsOf(reply).map((b) => b.data)).toContain('a:a1111t:0');
  });

  it('offers the articles whose text holds a word no topic and no headline holds', async () => {
    const h = createHarness();
    await h.send('/topic 滴灌');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('没有名为「滴灌」的主题，标题中也没有；以下是正文提到它的报道');
    expect(reply.text).toContain('木垒县冬小麦田间管理纪实');
    expect(buttonsOf(reply).map((b) => b.data)).toEqual(['a:a1108long:0', 'tl']);
  });

  it('offers the articles whose text holds the name of a topic nothing is tagged with yet', async () => {
    const topics = { ...TOPICS, topics: [...TOPICS.topics, { name: '滴灌技术', keywords: ['喷灌'] }] };
    const h = createHarness({ archive: createArchive(makeFixtureIssues(), { paper: PAPER, topics }) });
    await h.send('/topic 滴灌技术');
    const reply = h.sentSince(0)[0]!;
    expect(reply.text).toContain('还没有归入这个主题的报道；以下是正文提到「滴灌技术」的报道');
    expect(buttonsOf(reply).map((b) => b.data)).toEqual(['a:a1108long:0', 'tl']);
  });

  it('does not claim the text mentions a name only part of which it prints', async () => {
    const h = createHarness();
    await h.send('/topic 不存在的滴灌');
    expect(h.sentSince(0)[0]!.text).toContain('没有名为「不存在的滴灌」的主题，资料库中也没有找到它');
  });

  it('says so when a word is nowhere in the archive', async () => {
    const h = createHarness();
    await h.send('/topic 航天');
    expect(h.sentSince(0)[0]!.text).toContain('没有名为「航天」的主题，资料库中也没有找到它');
  });
});

describe('findTopic', () => {
  const topics: TopicSummary[] = [
    { name: '农业农村', kind: 'topic', count: 1 },
    { name: '昌吉市', kind: 'place', count: 1 },
    { name: '木垒县', kind: 'place', count: 1 },
  ];
  it('prefers the exact name', () => expect(findTopic(topics, '昌吉市')).toBe(1));
  it('accepts a name contained in one topic', () => expect(findTopic(topics, '农业')).toBe(0));
  it('refuses an ambiguous name', () => expect(findTopic(topics, '县市')).toBeUndefined());
  it('reads a name typed in traditional characters or full width', () => {
    expect(findTopic(topics, '農業農村')).toBe(0);
    expect(findTopic(topics, '木壘縣')).toBe(2);
  });
});
