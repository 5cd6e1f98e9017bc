/**
 * `npm run ask -- "问题"`: asks the archive a question and prints the results.
 * `npm run ask -- --json "问题"` prints one JSON object; `--json` with no question reads questions
 * from stdin, one per line, loads the index once and prints one JSON object per line.
 * Only results go to stdout; logs go to stderr (LOG_LEVEL).
 */
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { openArchive } from '../open-archive.js';
import { askWithSyntax } from '../search/ask-with-syntax.js';
import { NONE_ADVICE, noneLead, relatedLead } from '../search/describe-outcome.js';
import { shortenedNote } from '../search/bound-question.js';
import { excludedAllLead } from '../search/describe-exclusion.js';
import type { SearchSyntax } from '../search/parse-search-syntax.js';
import type { SearchSyntaxProblem } from '../search/parse-search-syntax.js';
import type { Answer, SearchEngine } from '../search/types.js';
import { markTerms } from '../text/mark-terms.js';

/** What to fix in a question whose search syntax cannot be used (the bot gives the same hints). */
const SYNTAX_PROBLEMS: Record<SearchSyntaxProblem, string> = {
  'only-exclusions': '只有要排除的词（-词），没有要找的内容：请加上要找的词，例如 棉花 -广告',
  'empty-term': '引号或减号后面是空的：例如 "红色驿站" 或 棉花 -广告',
};

/** The JSON printed for one answer: plain-text excerpts, nothing the terminal needs. */
export function answerToJson(answer: Answer): object {
  return {
    query: answer.query,
    outcome: answer.outcome,
    asks: answer.asks,
    chat: answer.chat,
    direct: answer.direct,
    excludedMatches: answer.excludedMatches,
    shortened: answer.shortened,
    archive: answer.archive,
    filters: answer.filters,
    results: answer.results.map((r) => ({
      articleId: r.articleId,
      title: r.title,
      kicker: r.kicker,
      paper: r.paper,
      date: r.date,
      dateSource: r.dateSource,
      issueNumber: r.issueNumber,
      excerpt: r.excerpt,
      highlights: r.highlights,
      score: r.score,
    })),
  };
}

/** Puts 【】 around the highlighted terms, marked as the bot marks them (see markTerms). */
function bracketTerms(text: string, terms: readonly string[]): string {
  const marked = markTerms(text, terms);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (marked[i] && !marked[i - 1]) out += '【';
    out += text[i];
    if (marked[i] && !marked[i + 1]) out += '】';
  }
  return out;
}

/** A readable rendering: headline, source line, excerpt with the matched terms in 【】. */
export function formatAnswer(answer: Answer, syntax?: Pick<SearchSyntax, 'exclude'>): string {
  const lines: string[] = [`问：${answer.query}`];
  if (answer.shortened === true) lines.push(`（${shortenedNote(answer.query)}）`);
  const f = answer.filters;
  const filterText = [f.date, f.dateFrom && `${f.dateFrom}–${f.dateTo ?? ''}`, f.issueNumber !== undefined ? `总第${f.issueNumber}期` : undefined].filter(Boolean).join(' ');
  if (filterText !== '') lines.push(`限定：${filterText}`);
  if (answer.chat !== undefined) {
    lines.push('（闲聊，不查档案）我只回答报纸档案里的内容，请问一个关于报道的问题。');
    return `${lines.join('\n')}\n`;
  }
  // The same words as the bot for `none` and `related` (describe-outcome.ts).
  if (answer.archive !== undefined) {
    const day = (d: { date: string; dateSource: string } | undefined) => (d === undefined ? '' : `${d.date}${d.dateSource === 'inferred' ? '（日期为推断）' : ''}`);
    const { issues, earliest, latest } = answer.archive;
    lines.push(issues === 0 ? '结果：资料库暂时还没有收录报纸。' : `结果：资料库收录 ${issues} 期报纸，最早 ${day(earliest)}，最新 ${day(latest)}。`);
    return `${lines.join('\n')}\n`;
  }
  if (answer.excludedMatches !== undefined && syntax !== undefined) {
    lines.push(`结果：${excludedAllLead(answer.query, syntax.exclude, answer.excludedMatches)}`);
    return `${lines.join('\n')}\n`;
  }
  if (answer.results.length === 0 || answer.outcome === 'none') {
    lines.push(`结果：${noneLead(answer.query)}${NONE_ADVICE}。`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(answer.outcome === 'answer' ? '结果：找到答案（第 1 条摘录）' : `结果：${relatedLead(answer)}以下是这些报道：`);
  if (answer.direct) lines.push(`答：${answer.direct.text}`);
  answer.results.forEach((r, i) => {
    const date = r.dateSource === 'inferred' ? `${r.date}（日期为推断）` : r.date;
    const number = r.issueNumber !== undefined ? ` 总第${r.issueNumber}期` : '';
    lines.push('');
    lines.push(`${i + 1}. ${r.kicker ? `${r.kicker}｜` : ''}${r.title}`);
    lines.push(`   ${r.paper} ${date}${number}  [${r.articleId}] 得分 ${r.score}`);
    lines.push(`   ${bracketTerms(r.excerpt, r.highlights)}`);
  });
  return `${lines.join('\n')}\n`;
}

const USAGE = 'usage: npm run -s ask -- [--json] "问题"   (or pipe questions, one per line)\n';

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  // `--x` is an option; a single dash starts an excluded word (-广告), which is part of the question.
  const unknown = argv.filter((a) => a.startsWith('--') && a !== '--json');
  if (unknown.length > 0) {
    process.stderr.write(`ask: unknown option ${unknown.join(' ')}\n${USAGE}`);
    return 2;
  }
  const question = argv.filter((a) => a !== '--json').join(' ').trim();
  if (argv.length > (json ? 1 : 0) && question === '') {
    process.stderr.write(`ask: the question is empty\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const logger = createLogger({ level: config.personLogLevel });
  const opened = await openArchive({ seedsDir: config.seedsDir, profile: config.profile, dataDir: config.dataDir, paper: { ...config.paper, timeZone: config.timeZone }, logger });
  const engine: SearchEngine = opened.search;
  // The same pipeline as the bot: search syntax ("短语", -词) applied, latest-first for 最近/最新.
  const print = (q: string): boolean => {
    const asked = askWithSyntax(engine, q);
    if (asked.kind === 'problem') {
      const hint = SYNTAX_PROBLEMS[asked.problem];
      process.stdout.write(json ? `${JSON.stringify({ query: q, outcome: 'none', problem: asked.problem, hint, results: [] })}\n` : `问：${q}\n${hint}\n`);
      return false;
    }
    process.stdout.write(json ? `${JSON.stringify({ ...answerToJson(asked.answer), order: asked.order })}\n` : formatAnswer(asked.answer, asked.syntax));
    return true;
  };

  if (question !== '') return print(question) ? 0 : 2;
  if (process.stdin.isTTY) {
    process.stderr.write(USAGE);
    return 2;
  }
  let asked = 0;
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    const q = line.trim();
    if (q === '') continue;
    asked++;
    print(q);
  }
  if (asked > 0) return 0;
  process.stderr.write(`ask: no question given (none on the command line, none on stdin)\n${USAGE}`);
  return 2;
}

// Run only as a command, so the formatters above can be imported without side effects.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`ask: ${err instanceof Error ? `${err.name}: ${err.message}` : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
