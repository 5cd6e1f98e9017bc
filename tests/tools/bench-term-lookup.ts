/**
 * Dev tool: how long "does this filter word occur in the archive" takes, through the full-text index
 * (Archive.countArticlesWith, what subscriptions use) and by reading every article (what they did
 * before), over an archive database a bench run kept. Opens the file read-only.
 *
 *   npx tsx tests/tools/bench-term-lookup.ts <archive.sqlite> [word …]
 */
import Database from 'better-sqlite3';
import { countArticlesWith } from '../../src/archive/count-articles-with.js';
import type { Article } from '../../src/archive/model.js';
import { articleMatchesFilter } from '../../src/digest/digest-filter.js';
import { loadProfile } from '../../src/profile/load-profile.js';
import { createTokenizer } from '../../src/text/tokenizer.js';

const [file, ...words] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: npx tsx tests/tools/bench-term-lookup.ts <archive.sqlite> [word …]\n');
  process.exit(2);
}
const db = new Database(file, { readonly: true, fileMustExist: true });
const tokenizer = createTokenizer(loadProfile('config'));
const ms = (from: number) => Math.round((performance.now() - from) * 10) / 10;
const count = (sql: string) => db.prepare(sql).pluck().get() as number;
console.log(JSON.stringify({ file, issues: count('SELECT count(*) FROM issues'), articles: count('SELECT count(*) FROM articles'), passages: count('SELECT count(*) FROM passages') }));
for (const term of words.length > 0 ? words : ['棉花', '石门子水库', '航天飞机', 'ＸＹＺ']) {
  let t = performance.now();
  const occurs = countArticlesWith(db, tokenizer, term, 1) > 0;
  const occursMs = ms(t);
  t = performance.now();
  const counted = countArticlesWith(db, tokenizer, term, Number.MAX_SAFE_INTEGER);
  const countMs = ms(t);
  t = performance.now();
  let read = 0;
  for (const body of db.prepare('SELECT body FROM articles').pluck().iterate() as Iterable<string>) {
    if (articleMatchesFilter(JSON.parse(body) as Article, { include: [term], exclude: [] })) read++;
  }
  console.log(JSON.stringify({ term, occurs, occursMs, articles: counted, countMs, articlesByReading: read, readingMs: ms(t) }));
}
db.close();
