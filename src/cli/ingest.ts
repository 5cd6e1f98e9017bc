/**
 * `npm run ingest` — brings the archive database (DATA_DIR/archive.sqlite) in line with SEEDS_DIR:
 * new and changed issue files are written (one transaction each), deleted ones removed, unchanged ones
 * skipped; then prints a table per issue (file, date and how it is known, number, articles, passages,
 * warnings) and a summary of the files left out, by kind. Interrupted, it resumes where it stopped.
 * `npm run ingest -- --json` — prints the archive as one JSON document on stdout.
 * `npm run ingest -- --summary` — the summary only (for large archives).
 * Logs and the progress bar go to stderr, so stdout stays clean for the table or the JSON.
 */
import type { Issue } from '../archive/model.js';
import { buildPassages } from '../archive/build-passages.js';
import { loadConfig } from '../config.js';
import { ConfigError, IngestError, StoreError } from '../errors.js';
import { formatIngestReport } from '../ingest/ingest-report.js';
import { createLogger } from '../logger.js';
import { openArchive, type IngestProblem, type SyncProgress } from '../open-archive.js';

/** A one-line progress bar with an ETA on a TTY stderr, shown only once the work has taken more than a moment. */
function createProgressBar(stream: NodeJS.WriteStream, delayMs = 300) {
  const started = Date.now();
  let shown = false;
  return {
    update({ done, total, file }: SyncProgress) {
      if (!stream.isTTY || Date.now() - started < delayMs) return;
      shown = true;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      const elapsed = (Date.now() - started) / 1000;
      const eta = done > 0 ? Math.round((elapsed / done) * (total - done)) : 0;
      const etaText = eta >= 60 ? `${Math.floor(eta / 60)}m${String(eta % 60).padStart(2, '0')}s` : `${eta}s`;
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ETA ${etaText} ${file.slice(-40)}\x1b[K`);
    },
    finish() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** The JSON shape of one issue: file first, then metadata, then articles. */
function issueJson(issue: Issue) {
  const { file, pages, id, paper, date, dateSource, number, weekday, lunarDate, pageCount, articles, boilerplate, warnings } = issue;
  return {
    file,
    pages,
    id,
    paper,
    date,
    dateSource,
    number,
    weekday,
    lunarDate,
    pageCount,
    articles: articles.map((a) => ({
      id: a.id,
      kicker: a.kicker,
      title: a.title,
      titleDerived: a.titleDerived,
      subtitle: a.subtitle,
      byline: a.byline,
      dateline: a.dateline,
      lead: a.lead,
      signoff: a.signoff,
      kind: a.kind,
      topics: a.topics,
      places: a.places,
      paragraphs: a.paragraphs,
      captions: a.captions,
      passages: buildPassages(a).length,
    })),
    boilerplate,
    warnings,
  };
}

/** Files left out, grouped by kind: one line per kind with a count, then each file's message. */
export function formatProblemSummary(problems: readonly IngestProblem[]): string {
  if (problems.length === 0) return '';
  const byKind = new Map<string, IngestProblem[]>();
  for (const p of problems) byKind.set(p.kind, [...(byKind.get(p.kind) ?? []), p]);
  const lines = [`${problems.length} file(s) not in the archive:`];
  for (const [kind, list] of byKind) {
    lines.push(`  ${kind}: ${list.length}`);
    for (const p of list.slice(0, 20)) lines.push(`    ${p.message}`);
    if (list.length > 20) lines.push(`    … and ${list.length - 20} more`);
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const summaryOnly = args.includes('--summary');
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`ingest: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  const logger = createLogger({ level: config.personLogLevel });
  const progress = createProgressBar(process.stderr);
  let opened;
  try {
    opened = await openArchive({
      seedsDir: config.seedsDir,
      profile: config.profile,
      dataDir: config.dataDir,
      paper: { ...config.paper, timeZone: config.timeZone },
      logger,
      onProgress: (p) => progress.update(p),
    });
  } catch (err) {
    progress.finish();
    if (err instanceof IngestError || err instanceof ConfigError || err instanceof StoreError) {
      process.stderr.write(`ingest: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
  progress.finish();
  try {
    const { archive, report } = opened;
    const heads = archive.issues();
    if (json) {
      process.stdout.write(`{"issues": [\n`);
      heads.forEach((h, i) => {
        const issue = archive.readIssue(h.id);
        if (issue) process.stdout.write(`${JSON.stringify(issueJson(issue), null, 2)}${i < heads.length - 1 ? ',' : ''}\n`);
      });
      process.stdout.write(`], "warnings": ${JSON.stringify(report.problems.map((p) => ({ file: p.file, message: p.message })))}}\n`);
    } else {
      if (!summaryOnly) {
        const issues = heads.flatMap((h) => archive.readIssue(h.id) ?? []);
        const passages = new Map(issues.map((i) => [i.id, i.articles.reduce((n, a) => n + buildPassages(a).length, 0)]));
        process.stdout.write(formatIngestReport(issues, [], passages));
      }
      process.stdout.write(
        `\n${opened.file}: ${heads.length} issue(s), ${opened.search.passageCount} passages. This run: ${report.added} added, ${report.changed} changed, ${report.removed} removed, ${report.unchanged} unchanged.\n`,
      );
      process.stdout.write(formatProblemSummary(report.problems));
    }
    // Nothing ingested from a folder that has files is a failure worth an exit code.
    return heads.length === 0 && report.problems.some((p) => p.file !== 'manifest.json') ? 1 : 0;
  } finally {
    opened.close();
  }
}

process.exitCode = await main();
