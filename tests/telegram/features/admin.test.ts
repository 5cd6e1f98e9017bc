import { describe, expect, it } from 'vitest';
import { createAdminFeature } from '../../../src/telegram/features/admin.js';
import { makeFixtureArchive } from '../support/archive-fixture.js';
import { createFakeSearchEngine } from '../support/fake-search-engine.js';
import { createHarness, READER } from '../support/harness.js';
import { validateCallsAfterEachTest } from '../support/validate-calls.js';

validateCallsAfterEachTest();

function harnessWithAdmin(adminIds: number[], archiveSyncFailure?: () => string | undefined) {
  const archive = makeFixtureArchive();
  const search = createFakeSearchEngine(archive);
  const admin = createAdminFeature({
    adminIds,
    archive,
    search,
    startedAt: new Date('2024-11-12T00:00:00Z'),
    now: () => new Date('2024-11-12T01:30:00Z'),
    digestStats: () => ({ activeSubscriptions: 7, latestDeliveries: { sent: 5, empty: 1 } }),
    ...(archiveSyncFailure !== undefined ? { archiveSyncFailure } : {}),
  });
  return createHarness({ archive, search, extraFeatures: [admin] });
}

describe('/stats', () => {
  it('shows the archive, the index and the digest state to an admin', async () => {
    const h = harnessWithAdmin([READER.id]);
    await h.send('/stats');
    const text = h.sentSince(0)[0]!.text;
    expect(text).toContain(`${h.archive.issues().length} 期`);
    expect(text).toContain('订阅：7 个有效');
    expect(text).toContain('sent 5');
    expect(text).toContain('已运行：90 分钟');
  });

  it('warns an admin while the archive cannot be updated (a full disk), and not otherwise', async () => {
    let failing: string | undefined = 'disk full';
    const h = harnessWithAdmin([READER.id], () => failing);
    await h.send('/stats');
    expect(h.sentSince(0)[0]!.text).toContain('资料库未能更新（DATA_DIR 所在磁盘已满，请清理空间）');
    failing = undefined;
    await h.send('/stats');
    expect(h.sentSince(1)[0]!.text).not.toContain('未能更新');
  });

  it('does not exist for anyone else', async () => {
    const h = harnessWithAdmin([READER.id + 1]);
    await h.send('/stats');
    const text = h.sentSince(0)[0]!.text;
    expect(text).not.toContain('运行状态');
    expect(text).not.toContain('订阅：');
  });
});
