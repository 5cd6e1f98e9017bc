/**
 * A unit is one logical paragraph of an issue file after hard wraps are undone:
 * a headline line, a byline, a body paragraph, a photo credit…
 */
export type UnitKind =
  /** Masthead block at the top of the page (paper name, date, issue number…). */
  | 'masthead'
  /** Page furniture anywhere else (editor lines, contact lines). */
  | 'boilerplate'
  /** A markdown heading (`#`, `##`, `###`). */
  | 'heading'
  /** A short plain line without sentence punctuation: a headline, kicker or subhead. */
  | 'headline'
  /** A line starting with —— (副题). */
  | 'subtitle'
  /** □本报记者 杨鹤, □昌吉州民政局 … */
  | 'byline'
  /** A paragraph opening with 本报讯 / 新华社…电. */
  | 'lead'
  /** A closing dateline such as （新华社北京11月4日电）. */
  | 'signoff'
  /** A photo credit line: □本报记者 何龙摄. */
  | 'credit'
  /** A photo caption with its credit on the same line: `…建设现场。 □赵 阳摄`. */
  | 'caption'
  | 'body';

export interface Unit {
  /** Position in the file's unit list. */
  index: number;
  kind: UnitKind;
  /** Cleaned display text (markup, heading marks and hard wraps removed). */
  text: string;
  /** Markdown heading level, 0 for plain text. */
  level: number;
  /** 1-based line of the first line in the file. */
  line: number;
  lineCount: number;
  /** Blank lines before this unit: two or more mark a layout break (a new page element). */
  gapBefore: number;
  /** For `caption` units: the credit printed after the caption. */
  credit?: string;
}
