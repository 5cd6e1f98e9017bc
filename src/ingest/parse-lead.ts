import { SIGNOFF } from './line-patterns.js';

/** A datelined lead taken apart: what was printed before the first sentence, and the sentence itself. */
export interface ParsedLead {
  /** The printed lead-in, verbatim: `本报讯 记者杨雪楠报道：`, `新华社北京11月6日电`. */
  lead: string;
  /** 本报讯, 新华社北京11月6日电. */
  dateline: string;
  /** 记者杨雪楠, 通讯员余再兴、王富建、王安军. */
  byline?: string;
  /** The paragraph after the lead-in. */
  rest: string;
}

const AGENCY_LEAD = /^((?:本报|[\u4e00-\u9fff]{1,6}(?:报|网|社|台))讯)\s*/u;
const WIRE_LEAD = /^([\u4e00-\u9fff]{2,14}\d{1,2}月\d{1,2}日电)(?![视话力网站商影子器脑车池])\s*/u;
const BRACKETED = /^[（(]([^（）()]{1,40})[）)]\s*/u;
const REPORTED = /^([^，。：:！？；]{1,40}?)报道\s*[：:]\s*/u;
const REPORTER = /记者|通讯员|实习生|特约|摄影|编辑/u;

/**
 * Reads the lead-in of a news paragraph: `本报讯 记者杨雪楠报道：11月5日上午，…`,
 * `本报讯（记者 张三）…`, `新华社北京11月6日电 中共中央…`, `新华社北京11月6日电（记者 李四）…`.
 * Returns undefined for a paragraph without one.
 */
export function parseLead(text: string): ParsedLead | undefined {
  const m = AGENCY_LEAD.exec(text) ?? WIRE_LEAD.exec(text);
  if (!m) return undefined;
  const dateline = m[1]!;
  let pos = m[0].length;
  let byline: string | undefined;
  const tail = text.slice(pos);
  const b = BRACKETED.exec(tail);
  const r = REPORTED.exec(tail);
  if (b && REPORTER.test(b[1]!)) {
    byline = b[1]!.trim();
    pos += b[0].length;
  } else if (r && (REPORTER.test(r[1]!) || r[1]!.length <= 12)) {
    byline = r[1]!.trim();
    pos += r[0].length;
  }
  return { lead: text.slice(0, pos).trim(), dateline, ...(byline ? { byline } : {}), rest: text.slice(pos).trim() };
}

/** A closing dateline such as `（新华社北京11月4日电）`: the dateline inside, or undefined. */
export function parseSignoff(text: string): { signoff: string; dateline?: string } | undefined {
  const m = SIGNOFF.exec(text.trim());
  if (!m) return undefined;
  const inner = m[1]!.trim();
  return { signoff: text.trim(), ...(/[电讯]$/.test(inner) ? { dateline: inner } : {}) };
}
