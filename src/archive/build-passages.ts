import { splitSentences } from '../text/split-sentences.js';
import type { Article, Passage } from './model.js';

/** A passage shorter than this is merged with its neighbour when it can be (a lone short sentence ranks badly). */
export const PASSAGE_MIN = 80;
/** No passage is longer than this (in UTF-16 units); a longer sentence is cut at a comma. */
export const PASSAGE_MAX = 250;

/** Cuts `text` into pieces of at most `max` characters, after a comma-like mark when one is in reach. */
function cutLong(text: string, max: number): string[] {
  const clauses = text.split(/(?<=[，,、：:])/u);
  const out: string[] = [];
  let cur = '';
  const push = (piece: string) => {
    if (cur !== '' && cur.length + piece.length > max) {
      out.push(cur);
      cur = '';
    }
    cur += piece;
  };
  for (const clause of clauses) {
    if (clause.length <= max) {
      push(clause);
      continue;
    }
    // A clause with no comma at all: cut it hard, never inside a surrogate pair.
    let chunk = '';
    for (const ch of clause) {
      if (chunk.length + ch.length > max) {
        push(chunk);
        chunk = '';
      }
      chunk += ch;
    }
    if (chunk) push(chunk);
  }
  if (cur) out.push(cur);
  return out;
}

/** Sentences of a paragraph, with any sentence longer than the maximum already cut at commas. */
function pieces(paragraph: string): string[] {
  return splitSentences(paragraph).flatMap((s) => (s.length > PASSAGE_MAX ? cutLong(s, PASSAGE_MAX) : [s]));
}

/** Packs the sentences of one run of paragraphs (the body, or one caption) into passages. */
function packSection(paragraphs: readonly string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const paragraph of paragraphs) {
    for (const piece of pieces(paragraph)) {
      if (cur !== '' && cur.length + piece.length > PASSAGE_MAX) {
        out.push(cur);
        cur = '';
      }
      cur += piece;
    }
    // Prefer ending a passage where the paragraph ends, once it is long enough to stand alone.
    if (cur.length >= PASSAGE_MIN) {
      out.push(cur);
      cur = '';
    }
  }
  if (cur !== '') {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + cur.length <= PASSAGE_MAX) out[out.length - 1] = last + cur;
    else out.push(cur);
  }
  return out;
}

/**
 * Sentence-aligned search passages of roughly 80–250 characters for one article, body first, then
 * each photo caption on its own. The title is not part of any passage (the index stores it apart).
 * Nothing is lost or repeated: the passages joined give back the paragraphs and captions joined.
 *
 * @example buildPassages(article).map((p) => p.id) // ['3f2a9c01b7de#0', '3f2a9c01b7de#1', …]
 */
export function buildPassages(article: Article): Passage[] {
  const texts = [...packSection(article.paragraphs), ...article.captions.flatMap((c) => packSection([c]))];
  return texts.map((text, n) => ({ id: `${article.id}#${n}`, articleId: article.id, n, text }));
}
