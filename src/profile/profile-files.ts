import * as v from 'valibot';
import { cleanUserDict } from '../text/tokenizer.js';
import { parseStopwords } from '../text/stopwords.js';
import { parseSynonyms } from '../search/expand-query.js';
import { manifestSchema, paperSchema, topicsSchema } from './profile-schemas.js';

/**
 * The files of a paper profile. Every one must exist (an empty list is a file holding only comments),
 * so a folder that is not a complete profile stops startup instead of silently searching differently.
 * Adding a file is one entry here and one field in PaperProfile.
 */
export const JSON_FILES = {
  paper: {
    file: 'paper.json',
    schema: paperSchema,
    shape: '{ "name": "…", "timeZone": "Asia/Shanghai", "mastheadMarkers": ["…"], "exampleQuestions": ["…"], "botDescription": "…", "botShortDescription": "…" }',
  },
  topics: {
    file: 'topics.json',
    schema: topicsSchema,
    shape: '{ "topics": [{ "name": "…", "keywords": ["…"] }], "places": [{ "name": "…", "aliases": ["…"] }], "region": { "name": "…", "aliases": ["…"] } }',
  },
  manifest: { file: 'manifest.json', schema: manifestSchema, shape: '{ "issues": { "<file name>": { "date": "YYYY-MM-DD", "number": 12200 } } } (or { "issues": {} })' },
} as const;

/** Plain-text lists: one entry a line, `#` starts a comment line. */
export const TEXT_FILES = {
  userDict: { file: 'userdict.txt', parse: cleanUserDict, what: 'the jieba user dictionary (word [frequency] [tag] a line)' },
  stopwords: { file: 'stopwords.txt', parse: parseStopwords, what: 'stopwords and question words, one a line' },
  genericNouns: { file: 'generic-nouns.txt', parse: parseStopwords, what: 'nouns that only complete a question word, one a line' },
  synonyms: { file: 'synonyms.txt', parse: parseSynonyms, what: 'common paraphrases, one group of words a line' },
  publicationCues: { file: 'publication-cues.txt', parse: (text: string) => [...parseStopwords(text)], what: 'words that make a year or month mean "issues published then", one a line' },
} as const;

export type JsonFiles = { [K in keyof typeof JSON_FILES]: v.InferOutput<(typeof JSON_FILES)[K]['schema']> };
export type TextFiles = { [K in keyof typeof TEXT_FILES]: ReturnType<(typeof TEXT_FILES)[K]['parse']> };
