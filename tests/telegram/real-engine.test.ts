import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArchive, type Archive } from '../../src/archive/archive.js';
import { formatChineseDate } from '../../src/text/calendar.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { loadIssues } from '../../src/ingest/load-issues.js';
import { createSearchEngine } from '../../src/search/create-search-engine.js';
import type { SearchEngine } from '../../src/search/types.js';
import { buttonsOf, createHarness, lastWithButtons } from './support/harness.js';
import { validateCallsAfterEachTest } from './support/validate-calls.js';

validateCallsAfterEachTest();

const configDir = path.resolve('config');
const seedsDir = path.resolve('seeds');
let dataDir: string;
let archive: Archive;
let search: SearchEngine;

beforeAll(async () => {
  const logger = pino({ level: 'silent' });
  const profile = loadProfile(configDir);
  const paper = profile.paper;
  dataDir = mkdtempSync(path.join(tmpdir(), 'bot-real-engine-'));
  const { issues } = await loadIssues({ seedsDir, manifest: profile.manifest, paper, logger });
  archive = createArchive(issues, { paper, topics: profile.topics });
  search = await createSearchEngine({ issues, paper, profile, logger });
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('the bot over the real archive and search engine', () => {
  it('shows, first, the excerpt and issue date of the first result the engine gives', async () => {
    const question = '木垒县有多少亩冬小麦';
    const first = search.search(question).results[0];
    expect(first).toBeDefined();
    const h = createHarness({ archive, search });
    await h.send(question);
    const reply = h.sentSince(0)[0]!;
    const firstBlock = reply.text.split('\n\n')[1]!;
    expect(firstBlock).toContain(first!.title);
    expect(firstBlock).toContain(first!.excerpt);
    expect(firstBlock).toContain(first!.dateSource === 'inferred' ? `约${formatChineseDate(first!.date)}` : formatChineseDate(first!.date));
    expect(buttonsOf(lastWithButtons(h))[0]!.data).toBe(`a:${first!.articleId}:0`);
  });

  it('reads every seed article in full within Telegram limits', async () => {
    const h = createHarness({ archive, search });
    for (const issue of archive.issues()) {
      for (const article of issue.articles) await h.send(`/start a_${article.id}`);
    }
    const articles = archive.issues().reduce((n, i) => n + i.articles.length, 0);
    expect(h.callsOf('sendMessage').length).toBeGreaterThanOrEqual(articles);
  });

  it('walks every issue with the navigation buttons', async () => {
    const h = createHarness({ archive, search });
    await h.send(`/date ${archive.issues()[0]!.date}`);
    let message = lastWithButtons(h);
    for (let i = 1; i < archive.issues().length; i++) {
      const next = buttonsOf(message).find((b) => b.text.startsWith('下一期'))!;
      await h.press(message, next.data!);
      message = h.api.messages().find((m) => m.messageId === message.messageId)!;
      expect(message.text).toContain(formatChineseDate(archive.issues()[i]!.date));
    }
    expect(buttonsOf(message).some((b) => b.text.startsWith('下一期'))).toBe(false);
  });
});

describe('the no-match reply over the real archive', () => {
  it('suggests keywords that do find articles', async () => {
    const h = createHarness({ archive, search });
    await h.send('火星探测器着陆');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain('没有找到');
    const suggestions = text.split('\n').filter((l) => l.startsWith('• ') && !l.startsWith('• /')).map((l) => l.slice(2));
    expect(suggestions.length).toBeGreaterThan(0);
    for (const s of suggestions) expect(search.search(s).results.length).toBeGreaterThan(0);
  });
});
