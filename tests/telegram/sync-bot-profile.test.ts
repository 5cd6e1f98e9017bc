import { Api } from 'grammy';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { commandMenus } from '../../src/telegram/commands.js';
import { botTexts, syncBotProfile, type BotProfile } from '../../src/telegram/sync-bot-profile.js';
import { createFakeBotApi, type FakeBotApi } from '../support/fake-bot-api/fake-bot-api.js';

const TOKEN = '123456:TEST-abcdefghijklmnopqrstuvwxyz';
const silent = pino({ level: 'silent' });
const SETTERS = new Set(['setMyDescription', 'setMyShortDescription', 'setMyCommands']);

let fake: FakeBotApi | undefined;
afterEach(async () => {
  await fake?.stop();
  fake = undefined;
});

async function start(): Promise<{ fake: FakeBotApi; api: Api }> {
  fake = createFakeBotApi({ token: TOKEN });
  await fake.start();
  return { fake, api: new Api(TOKEN, { apiRoot: fake.url }) };
}

const profile: BotProfile = { ...botTexts({ name: '昌吉日报' }), menus: commandMenus([{ command: 'subscribe', description: '订阅每日摘要' }]) };

describe('syncBotProfile', () => {
  it('sets the texts and a menu per scope: /ask only in groups, /start only in private chats', async () => {
    const { fake, api } = await start();
    expect(await syncBotProfile(api, profile, silent)).toHaveLength(5);
    expect((await api.getMyDescription()).description).toBe(profile.description);
    expect((await api.getMyShortDescription()).short_description).toBe(profile.shortDescription);
    const names = (scope: Parameters<Api['getMyCommands']>[0]) => api.getMyCommands(scope).then((cs) => cs.map((c) => c.command));
    const privateMenu = await names({ scope: { type: 'all_private_chats' } });
    const groupMenu = await names({ scope: { type: 'all_group_chats' } });
    expect(privateMenu).toContain('start');
    expect(privateMenu).toContain('subscribe');
    expect(privateMenu).not.toContain('ask');
    expect(groupMenu).toContain('ask');
    expect(groupMenu).toContain('subscribe');
    expect(groupMenu).not.toContain('start');
    expect(await names(undefined)).toEqual(privateMenu);
    expect(fake.violations).toEqual([]);
  });

  it('writes nothing when Telegram already shows the same profile, and only what changed otherwise', async () => {
    const { fake, api } = await start();
    await syncBotProfile(api, profile, silent);
    const since = fake.mark();
    expect(await syncBotProfile(api, profile, silent)).toEqual([]);
    expect(fake.calls.slice(since).filter((c) => SETTERS.has(c.method))).toEqual([]);
    const renamed = { ...profile, shortDescription: '《昌吉日报》资料库' };
    expect(await syncBotProfile(api, renamed, silent)).toEqual(['short description']);
    expect(fake.calls.slice(since).filter((c) => SETTERS.has(c.method)).map((c) => c.method)).toEqual(['setMyShortDescription']);
  });

  it('makes the texts from the paper name unless paper.json gives them, within Telegram limits', () => {
    const texts = botTexts({ name: '昌吉日报' });
    expect(texts.description).toContain('《昌吉日报》');
    expect(texts.description).toContain('/subscribe');
    expect(texts.description.length).toBeLessThanOrEqual(512);
    expect(texts.shortDescription.length).toBeLessThanOrEqual(120);
    expect(botTexts({ name: 'x', botShortDescription: '短' }).shortDescription).toBe('短');
  });
});
