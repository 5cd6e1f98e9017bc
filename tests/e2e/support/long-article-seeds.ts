import { copyFile, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { REPO_ROOT } from './bot-process.js';
import { loadTestArchive } from './load-test-archive.js';

/** The headline of the long article added by seedsWithLongArticle. */
export const LONG_ARTICLE_TITLE = '长篇通讯：社会工作在基层的实践与探索';

/**
 * No article in the seeds needs more than one 4096-character message, so this writes a seeds folder
 * holding the real issues plus one more issue (the 2024-11-07 masthead moved to the next day) whose
 * only article is long: the body paragraphs of the archive's longest articles, one after another,
 * about 8,000 characters. Returns the folder to pass as SEEDS_DIR.
 */
export async function seedsWithLongArticle(dir: string, minLength = 8000): Promise<string> {
  const seedsDir = join(dir, 'seeds');
  await mkdir(seedsDir, { recursive: true });
  const source = join(REPO_ROOT, 'seeds');
  for (const file of (await readdir(source)).filter((f) => f.endsWith('.txt'))) await copyFile(join(source, file), join(seedsDir, file));

  const archive = await loadTestArchive();
  const issue = archive.issuesOn('2024-11-07')[0];
  if (!issue) throw new Error('the seeds no longer hold the issue of 2024-11-07, whose masthead the long article borrows');
  const original = await readFile(join(source, issue.file), 'utf8');
  const mastheadEnd = original.indexOf('今日4版');
  if (mastheadEnd < 0) throw new Error(`${issue.file} no longer has the masthead line 今日4版`);
  const masthead = original
    .slice(0, mastheadEnd + '今日4版'.length)
    .replace(/\n7\n/, '\n8\n')
    .replace('星期四', '星期五')
    .replace('甲辰年十月初七', '甲辰年十月初八')
    .replace('总第12124期', '总第12125期');

  const paragraphs: string[] = [];
  const byLength = archive
    .issues()
    .flatMap((i) => archive.readIssue(i.id)?.articles ?? [])
    .sort((a, b) => b.paragraphs.join('').length - a.paragraphs.join('').length);
  for (const article of byLength) {
    if (paragraphs.join('').length >= minLength) break;
    // Only full paragraphs of prose: a short line could be taken for a sub-headline and start another article.
    paragraphs.push(...article.paragraphs.filter((p) => p.length >= 80 && /[。！？”]$/.test(p)));
  }
  await writeFile(join(seedsDir, '900_e2e0long0article.txt'), `${masthead}\n\n## ${LONG_ARTICLE_TITLE}\n\n${paragraphs.join('\n\n')}\n`);
  return seedsDir;
}
