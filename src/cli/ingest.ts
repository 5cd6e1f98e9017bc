/**
 * `npm run ingest` — brings the archive database (DATA_DIR/archive.sqlite) in line with SEEDS_DIR:
 * new and changed issue files are written (one transaction each), deleted ones removed, unchanged ones
 * skipped; then prints a table per issue (file, date and how it is known, number, articles, passages,
 * warnings) and a summary of the files left out, by kind. Interrupted, it resumes where it stopped.
 * `npm run ingest -- --json` — prints the archive as one JSON document on stdout.
 * `npm run ingest -- --summary` — the summary only (for large archives).
 * `npm run ingest -- --help` lists the options; another folder is ingested with SEEDS_DIR=<folder>.
 * Logs and the progress bar go to stderr, so stdout stays clean for the table or the JSON.
 */
import type { Issue } from '../archive/model.js';
import { buildPassages } from '../archive/build-passages.js';
import { loadConfig } from '../config.js';
import { ConfigError, IngestError, StoreError } from '../errors.js';
import { formatIngestReport } from '../ingest/ingest-report.js';
import { createLogger } from '../logger.js';
import { openArchive } from '../open-archive.js';
import { formatProblemSummary } from './format-problem-summary.js';
import { INGEST_USAGE, parseIngestArgs } from './ingest-args.js';
import { createProgressBar } from './progress-bar.js';

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

async function main(): Promise<number> {
  const args = parseIngestArgs(process.argv.slice(2));
  if (args.kind === 'help') {
    process.stdout.write(INGEST_USAGE);
    return 0;
  }
  if (args.kind === 'problem') {
    process.stderr.write(`ingest: ${args.message}\n${INGEST_USAGE}`);
    return 2;
  }
  const { json, summaryOnly } = args;
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
  // Every file is written in its own transaction (better-sqlite3 is synchronous: a signal is handled
  // between transactions, never inside one), so an interrupted run keeps what it wrote.
  process.once('SIGINT', () => {
    progress.finish();
    process.stderr.write('\ningest: interrupted. Every issue written so far is kept; run `npm run ingest` again to resume where it stopped.\n');
    process.exit(130);
  });
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
    if (report.files === 0) {
      // Never a silent empty archive: say where nothing was found and what to do.
      process.stderr.write(`ingest: no issue files (*.txt) under ${config.seedsDir}. Set SEEDS_DIR to the folder of issue files (a tree such as 2024/11/07/01.txt is fine).\n`);
      return 1;
    }
    if (json) {
      process.stdout.write(`{"issues": [\n`);
      heads.forEach((h, i) => {
        const issue = archive.readIssue(h.id);
        if (issue) process.stdout.write(`${JSON.stringify(issueJson(issue), null, 2)}${i < heads.length - 1 ? ',' : ''}\n`);
      });
      process.stdout.write(`], "warnings": ${JSON.stringify(report.problems.map((p) => ({ file: p.file, message: p.message })))}}\n`);
    } else {
      if (!summaryOnly) {
        // From the heads and the store's counts: no article is read (fifteen years would take minutes).
        const passages = new Map((opened.db.prepare('SELECT issue_id AS id, count(*) AS n FROM passages GROUP BY issue_id').all() as { id: string; n: number }[]).map((r) => [r.id, r.n]));
        const warnings = new Map((opened.db.prepare('SELECT id, extra FROM issues').all() as { id: string; extra: string }[]).map((r) => [r.id, (JSON.parse(r.extra) as { warnings: string[] }).warnings]));
        process.stdout.write(formatIngestReport(heads.map((h) => ({ ...h, warnings: warnings.get(h.id) ?? [] })), [], passages));
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
