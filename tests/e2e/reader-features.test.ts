import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Archive } from '../../src/archive/archive.js';
import { articleMatchesFilter, parseDigestFilter } from '../../src/digest/digest-filter.js';
import { openStore } from '../../src/digest/open-store.js';
import { createSilentLogger } from '../../src/logger.js';
import { minutesOfDayIn } from '../../src/text/calendar.js';
import { normalizeForMatch } from '../../src/text/normalize-for-match.js';
import { createFakeBotApi, type CallRecord, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';
import { REPO_ROOT, startBotProcess, type BotProcess } from './support/bot-process.js';
import { ANSWER_TIMEOUT_MS, buttonsOf, nextMessage, visibleText } from './support/chat.js';

/**
 * Issue 12 end to end: the real bot process against the fake Bot API, over the seeds plus one issue printed a year
 * before the seeds' 2024-11-07 issue (for /onthisday). A keyword subscriber exists before the start; a channel is
 * subscribed by its admin while the bot runs; the scheduler ticks every second.
 */

const ADMIN = 8101;
const STRANGER = 8102;
const READER = 8103;
const KEYWORD_CHAT = 8104;
const CHANNEL_ID = -1008105;
const MULTI_CHAT = 8106;
const KEYWORD_FILTER = '风电 蔬菜 -餐桌';
const DIGEST_TIMEOUT_MS = 100_000;

/** The 2024-11-07 seed (its masthead printed) moved to 2023-11-07, with an article of its own so it is no duplicate. */
async function seedsWithEarlierYear(root: string): Promise<string> {
  const { cp } = await import('node:fs/promises');
  const seedsDir = join(root, 'seeds');
  await cp(join(REPO_ROOT, 'seeds'), seedsDir, { recursive: true });
  const seed = await readFile(join(REPO_ROOT, 'seeds', '000_79b3c460d300cb0d.txt'), 'utf8');
  if (!seed.includes('2024年11月') || !seed.includes('## 让学习成为一种生活方式')) throw new Error('the 2024-11-07 seed no longer prints its masthead date');
  const earlier = seed
    .replace('2024年11月', '2023年11月')
    .replace('星期四', '星期二')
    .replace('总第12124期', '总第11760期')
    .replace('## 让学习成为一种生活方式', '## 吉木萨尔县千亩沙棘喜获丰收\n\n本报讯 吉木萨尔县今年种植的一千亩沙棘喜获丰收，果农忙着采摘装箱。沙棘产业带动周边农户增收。\n\n## 让学习成为一种生活方式');
  await writeFile(join(seedsDir, '901_e2e0earlier0year.txt'), earlier);
  return seedsDir;
}

describe('issue 12 through the fake Bot API', () => {
  let fake: FakeBotApi;
  let bot: BotProcess | undefined;
  let root: string | undefined;
  let archive: Archive;

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'reader-e2e-'));
    const dataDir = join(root, 'data');
    const seedsDir = await seedsWithEarlierYear(root);
    const { loadTestArchive } = await import('./support/load-test-archive.js');
    archive = await loadTestArchive(seedsDir);
    // A subscriber with two keywords and an exclusion, owed the newest issue at once (00:00, subscribed a week ago).
    const store = openStore(dataDir, createSilentLogger());
    store.subscribe({ chatId: KEYWORD_CHAT, chatKind: 'private', deliveryTime: '00:00', filter: KEYWORD_FILTER, now: new Date(Date.now() - 7 * 86_400_000) });
    store.close();
    fake = createFakeBotApi({ bot: { username: 'archive_test_bot' } });
    fake.setChat({ id: CHANNEL_ID, type: 'channel', title: '昌吉日报频道', username: 'e2e_paper_channel', administrators: [{ user: { id: ADMIN } }, { user: { id: fake.bot.id } }] });
    await fake.start();
    bot = await startBotProcess(fake, { dataDir, env: { SEEDS_DIR: seedsDir, DIGEST_TICK_SECONDS: '1' } });
  }, 120_000);

  afterAll(async () => {
    await bot?.stop();
    await fake?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  /** Every call kept Telegram's limits (length, HTML, callback data), and no button was left spinning. */
  const expectTelegramRulesKept = () => {
    expect(fake.violations).toEqual([]);
    expect(fake.unansweredCallbackQueries()).toEqual([]);
  };

  const ask = async (chat: number, text: string): Promise<CallRecord> => {
    const since = fake.mark();
    fake.sendText(chat, text, { id: chat });
    return nextMessage(fake, chat, since, `the answer to ${text}`);
  };
  /** Article ids of an answer's read buttons, in order. */
  const articlesOf = (call: CallRecord) => buttonsOf(call).flatMap((b) => (b.callback_data?.startsWith('a:') ? [b.callback_data.split(':')[1]!] : []));
  const textOf = (articleId: string) => {
    const a = archive.article(articleId)!.article;
    return normalizeForMatch([a.title, ...a.paragraphs, ...a.captions].join('\n'));
  };

  it('sends the keyword subscriber only articles matching one of two keywords and not the excluded word', async () => {
    const digest = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === KEYWORD_CHAT && c.ok, DIGEST_TIMEOUT_MS, { since: 0, description: 'the keyword digest' });
    const newest = archive.readIssue(archive.latest()!.id)!;
    const filter = parseDigestFilter(KEYWORD_FILTER);
    const expected = newest.articles.filter((a) => articleMatchesFilter(a, filter)).map((a) => a.id);
    const excluded = newest.articles.filter((a) => articleMatchesFilter(a, { include: filter.include, exclude: [] }) && !expected.includes(a.id));
    expect(expected.length, 'a keyword matches the newest issue').toBeGreaterThan(0);
    expect(excluded.length, 'the exclusion removes an article that matches a keyword').toBeGreaterThan(0);
    expect(articlesOf(digest)).toEqual(expected);
    for (const a of excluded) expect(visibleText(digest)).not.toContain(a.title);
    expect(visibleText(digest)).toContain(`${expected.length}/${newest.articles.length} 篇`);
    expectTelegramRulesKept();
  });

  it('refuses a channel subscription from someone who is not its admin', async () => {
    const reply = await ask(STRANGER, '/subscribe @e2e_paper_channel 07:30');
    expect(visibleText(reply)).toContain('只有频道「昌吉日报频道」的管理员可以为它订阅');
    expectTelegramRulesKept();
  });

  it('subscribes a channel for its admin, and the channel gets the digest', async () => {
    const zone = archive.paper.timeZone;
    // Subscribe for the current minute (due at once): wait out a minute about to turn.
    while (new Date().getSeconds() > 50) await new Promise((r) => setTimeout(r, 500));
    const minutes = minutesOfDayIn(zone, new Date());
    const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const since = fake.mark();
    const reply = await ask(ADMIN, `/subscribe @e2e_paper_channel ${time}`);
    expect(visibleText(reply)).toContain('频道「昌吉日报频道」');
    expect(visibleText(reply)).toContain('订阅成功');
    const digest = await fake.waitFor((c) => c.method === 'sendMessage' && c.chatId === CHANNEL_ID && c.ok, DIGEST_TIMEOUT_MS, { since, description: 'the channel digest' });
    expect(visibleText(digest)).toContain('每日摘要');
    expectTelegramRulesKept();
  });

  it('delivers two subscriptions of one chat (full, then filtered) each at its own time and each once', async () => {
    const zone = archive.paper.timeZone;
    // The full digest is due this minute, the filtered one the next: wait out a minute about to turn (and midnight).
    while (new Date().getSeconds() > 45 || minutesOfDayIn(zone, new Date()) >= 1438) await new Promise((r) => setTimeout(r, 500));
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const minutes = minutesOfDayIn(zone, new Date());
    const since = fake.mark();
    expect(visibleText(await ask(MULTI_CHAT, `/subscribe ${hhmm(minutes)}`))).toContain('订阅成功');
    const added = await ask(MULTI_CHAT, `/subscribe ${hhmm(minutes + 1)} 风电`);
    expect(visibleText(added)).toContain('2 个订阅');
    const isDigest = (c: CallRecord, kind: 'full' | 'filtered') =>
      c.method === 'sendMessage' && c.chatId === MULTI_CHAT && c.ok && visibleText(c).includes('每日摘要 · ') && (kind === 'full' ? /共 \d+ 篇/.test(visibleText(c)) : /与“风电”相关 \d+\/\d+ 篇/.test(visibleText(c)));
    const full = await fake.waitFor((c) => isDigest(c, 'full'), DIGEST_TIMEOUT_MS, { since, description: 'the full digest' });
    const filtered = await fake.waitFor((c) => isDigest(c, 'filtered'), DIGEST_TIMEOUT_MS, { since, description: 'the filtered digest' });
    // Each at its own time: the filtered one not before its minute began (paper clock, minute granularity).
    expect(minutesOfDayIn(zone, new Date(filtered.time))).toBeGreaterThanOrEqual(minutes + 1);
    expect(full.seq).toBeLessThan(filtered.seq);
    const newest = archive.readIssue(archive.latest()!.id)!;
    const matching = newest.articles.filter((a) => articleMatchesFilter(a, parseDigestFilter('风电'))).map((a) => a.id);
    expect(articlesOf(filtered)).toEqual(matching);
    // Several more scheduler ticks: neither digest comes again.
    await new Promise((r) => setTimeout(r, 4_000));
    const after = fake.calls.filter((c) => c.seq > since);
    expect(after.filter((c) => isDigest(c, 'full'))).toHaveLength(1);
    expect(after.filter((c) => isDigest(c, 'filtered'))).toHaveLength(1);
    expectTelegramRulesKept();
  });

  it('keeps only articles with the quoted phrase as written, and leaves out -excluded words', async () => {
    const plain = articlesOf(await ask(READER, '棉花'));
    expect(plain.length, 'the seeds answer 棉花 with several articles').toBeGreaterThan(1);
    const phrase = '棉花品种';
    const quoted = articlesOf(await ask(READER, `"${phrase}"`));
    expect(quoted.length).toBeGreaterThan(0);
    for (const id of quoted) expect(textOf(id)).toContain(phrase);
    const excludedWord = '基因';
    expect(plain.some((id) => textOf(id).includes(excludedWord)), 'an answer to 棉花 mentions 基因').toBe(true);
    const without = articlesOf(await ask(READER, `棉花 -${excludedWord}`));
    expect(without.length).toBeGreaterThan(0);
    for (const id of without) expect(textOf(id)).not.toContain(excludedWord);
    // A quote mark left open is punctuation: the question is searched as if it were not there.
    expect(articlesOf(await ask(READER, '"棉花'))).toEqual(plain);
    expectTelegramRulesKept();
  });

  it('reorders an answer newest first with one button, and pages in that order', async () => {
    const first = await ask(READER, '昌吉州');
    const byRelevance = articlesOf(first);
    const toDate = buttonsOf(first).find((b) => b.text.includes('最新在前'));
    expect(toDate, 'the answer offers date order').toBeDefined();
    const message = (first.response as { result: { message_id: number } }).result.message_id;
    const since = fake.mark();
    fake.pressButton(READER, message, toDate!.callback_data!, { id: READER });
    const edited = await fake.waitFor((c) => c.method === 'editMessageText' && c.chatId === READER && c.ok, ANSWER_TIMEOUT_MS, { since, description: 'the answer in date order' });
    await fake.waitFor((c) => c.method === 'answerCallbackQuery' && c.ok, ANSWER_TIMEOUT_MS, { since, description: 'the press answered' });
    const dated = articlesOf(edited);
    const dateOf = (id: string) => archive.article(id)!.issue.date;
    expect(dated.map(dateOf)).toEqual([...dated.map(dateOf)].sort().reverse());
    expect(dated).not.toEqual(byRelevance);
    const next = buttonsOf(edited).find((b) => b.text.includes('更多结果'));
    expect(next, 'more than one page of results').toBeDefined();
    const since2 = fake.mark();
    fake.pressButton(READER, message, next!.callback_data!, { id: READER });
    const page2 = await fake.waitFor((c) => c.method === 'editMessageText' && c.chatId === READER && c.ok, ANSWER_TIMEOUT_MS, { since: since2, description: 'page 2 in date order' });
    await fake.waitFor((c) => c.method === 'answerCallbackQuery' && c.ok, ANSWER_TIMEOUT_MS, { since: since2, description: 'the press answered' });
    const later = articlesOf(page2);
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((id) => !dated.includes(id))).toBe(true);
    expect(dateOf(later[0]!) <= dateOf(dated.at(-1)!)).toBe(true);
    expectTelegramRulesKept();
  });

  it('answers a question in traditional characters wholly in traditional characters, within Telegram’s limits', async () => {
    const reply = await ask(READER, '木壘縣有多少畝冬小麥');
    const text = visibleText(reply);
    expect(text).toContain('關於「木壘縣有多少畝冬小麥」的報道');
    expect(text).toContain('《昌吉日報》');
    expect(text).not.toMatch(/[关报读县亩麦]/u);
    expect(String(reply.payload!.text)).toMatch(/<b>[^<]*[麥縣][^<]*<\/b>/u);
    expectTelegramRulesKept();
  });

  it('shows /onthisday with an earlier year’s issue, and says plainly when there is none', async () => {
    const found = visibleText(await ask(READER, '/onthisday 2024-11-07'));
    expect(found).toContain('1年前');
    expect(found).toContain('2023年11月7日');
    expect(found).toContain('吉木萨尔县千亩沙棘喜获丰收');
    const none = visibleText(await ask(READER, '/onthisday 2024-11-05'));
    expect(none).toContain('资料库中没有2024年以前11月5日的《昌吉日报》');
    expectTelegramRulesKept();
  });
});
