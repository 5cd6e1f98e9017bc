import type { TopicsConfig } from '../archive/topics-config.js';
import type { Manifest } from '../ingest/manifest.js';
import type { Synonyms } from '../search/expand-query.js';

/** Facts about the paper, from `config/paper.json`. */
export interface PaperConfig {
  name: string;
  nameLatin?: string;
  publisher?: string;
  timeZone: string;
  region?: string;
  /** Lines containing any of these are masthead/boilerplate, never article text. */
  mastheadMarkers: string[];
  /** Example questions about the archive shown by /help, /start and the no-match reply. */
  exampleQuestions?: string[];
  /** The bot's description (before /start) and short description (profile page); made from `name` when absent. */
  botDescription?: string;
  botShortDescription?: string;
}

/**
 * Everything paper-specific, read from the config folder and validated once at startup (see
 * loadProfile). Layers receive these values, never the folder: the tokenizer gets the word sets,
 * the archive the topics, ingest the manifest.
 */
export interface PaperProfile {
  /** The folder it was read from, for messages only. */
  dir: string;
  paper: PaperConfig;
  topics: TopicsConfig;
  /** Issue dates and numbers an editor checked, by file name. */
  manifest: Manifest;
  /** jieba user dictionary (`word [freq] [tag]` lines, comments removed). */
  userDict: string;
  /** Stopwords and question words dropped from queries (normalised for matching). */
  stopwords: ReadonlySet<string>;
  /** Nouns that only complete a question word (哪个单位, 什么地方). */
  genericNouns: ReadonlySet<string>;
  /** Common paraphrases (看病 → 就医): other ways a reader's word is printed. */
  synonyms: Synonyms;
  /** Words that make a year or month in a question a publication filter (报纸, 报道, 那期). */
  publicationCues: readonly string[];
  /**
   * SHA-256 over every profile file's name and bytes: anything derived from the profile (the search
   * index) is rebuilt when it changes.
   */
  fingerprint: string;
}
