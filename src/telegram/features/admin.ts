import { Composer } from 'grammy';
import type { Archive } from '../../archive/archive.js';
import type { SearchEngine } from '../../search/types.js';
import type { BotContext } from '../context.js';
import { escapeHtml } from '../format/html.js';
import { replyView } from '../reply.js';

/** What /stats reports about digests; the digest store provides it (the telegram layer only renders). */
export interface DigestStats {
  activeSubscriptions: number;
  /** Deliveries of the newest issue by status (sent, sending, empty, …). */
  latestDeliveries: Record<string, number>;
}

export interface AdminDeps {
  adminIds: readonly number[];
  archive: Archive;
  search: SearchEngine;
  digestStats?: () => DigestStats;
  /** Why the archive lags behind SEEDS_DIR (a full disk: see createSyncRetry), while it does. */
  archiveSyncFailure?: () => string | undefined;
  /** Process start, for uptime. */
  startedAt: Date;
  now?: () => Date;
}

/**
 * `/stats` for the operators listed in ADMIN_IDS: archive size and range, index size, subscribers and how the
 * newest issue's digest went. For anyone else the command does not exist (it falls through to "unknown command"),
 * so the bot does not advertise it.
 */
export function createAdminFeature(deps: AdminDeps): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  const admins = new Set(deps.adminIds);
  const now = deps.now ?? (() => new Date());
  feature.command('stats', async (ctx, next) => {
    if (ctx.from === undefined || !admins.has(ctx.from.id)) return next();
    const range = deps.archive.dateRange();
    const latest = deps.archive.latest();
    const articles = deps.archive.issues().reduce((n, i) => n + i.articles.length, 0);
    const uptimeMin = Math.round((now().getTime() - deps.startedAt.getTime()) / 60_000);
    const lines = [
      '<b>运行状态</b>',
      `资料库：${deps.archive.issues().length} 期，${articles} 篇文章，${deps.search.passageCount} 个检索段落`,
      range ? `日期范围：${range.first} 至 ${range.last}` : '日期范围：（空）',
      latest ? `最新一期：${latest.date}${latest.number !== undefined ? ` 第${latest.number}期` : ''}（${escapeHtml(latest.file)}）` : '',
    ];
    const failing = deps.archiveSyncFailure?.();
    if (failing !== undefined) lines.push(`⚠️ 资料库未能更新（${failing === 'disk full' ? 'DATA_DIR 所在磁盘已满，请清理空间' : '写入失败，见日志'}）：新的期次每分钟重试一次，读者看到的是更新前的资料库。`);
    if (deps.digestStats) {
      const stats = deps.digestStats();
      const deliveries = Object.entries(stats.latestDeliveries)
        .map(([status, n]) => `${escapeHtml(status)} ${n}`)
        .join('，');
      lines.push(`订阅：${stats.activeSubscriptions} 个有效`, `最新一期摘要：${deliveries || '尚未推送'}`);
    }
    lines.push(`已运行：${uptimeMin} 分钟`);
    ctx.log.info({ admin: ctx.from.id }, 'stats shown');
    await replyView(ctx, { text: lines.filter(Boolean).join('\n') });
  });
  return feature;
}
