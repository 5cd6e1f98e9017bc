/**
 * `npm run ingest` — parse every issue file and print a table per issue (file, date and how it is
 * known, number, articles, passages, warnings).
 * `npm run ingest -- --json` — print the parsed archive as one JSON document on stdout.
 * Logs and the progress bar go to stderr, so stdout stays clean for the table or the JSON.
 */
import { buildPassages } from '../archive/build-passages.js';
import type { Issue } from '../archive/model.js';
import { loadConfig } from '../config.js';
import { ConfigError, IngestError } from '../errors.js';
import { formatIngestReport } from '../ingest/ingest-report.js';
import { loadIssues } from '../ingest/load-issues.js';
import { createLogger } from '../logger.js';

/** A one-line progress bar on a TTY stderr, shown only once the work has taken more than a moment. */
function createProgressBar(stream: NodeJS.WriteStream, delayMs = 300) {
  const started = Date.now();
  let shown = false;
  return {
    update(done: number, total: number, label: string) {
      if (!stream.isTTY || Date.now() - started < delayMs) return;
      shown = true;
      const width = 24;
      const filled = total === 0 ? width : Math.round((done / total) * width);
      stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40)}\x1b[K`);
    },
    finish() {
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

/** The JSON shape of one issue: file first, then metadata, then articles. */
function issueJson(issue: Issue) {
  const { file, id, paper, date, dateSource, number, weekday, lunarDate, pageCount, articles, boilerplate, warnings } = issue;
  return {
    file,
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
      paragraphs: a.paragraphs,
      captions: a.captions,
      passages: buildPassages(a).length,
    })),
    boilerplate,
    warnings,
  };
}

async function main(): Promise<number> {
  const json = process.argv.slice(2).includes('--json');
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
  let result;
  try {
    result = await loadIssues({
      seedsDir: config.seedsDir,
      manifest: config.profile.manifest,
      paper: config.paper,
      logger,
      onProgress: (done, total, file) => progress.update(done, total, file),
    });
  } catch (err) {
    progress.finish();
    if (err instanceof IngestError || err instanceof ConfigError) {
      process.stderr.write(`ingest: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    progress.finish();
  }
  const { issues, warnings } = result;
  if (json) {
    process.stdout.write(`${JSON.stringify({ issues: issues.map(issueJson), warnings }, null, 2)}\n`);
  } else {
    const passages = new Map(issues.map((i) => [i.id, i.articles.reduce((n, a) => n + buildPassages(a).length, 0)]));
    process.stdout.write(formatIngestReport(issues, warnings, passages));
  }
  // Nothing ingested from a folder that has files is a failure worth an exit code.
  return issues.length === 0 && warnings.some((w) => w.file !== 'manifest.json') ? 1 : 0;
}

process.exitCode = await main();
