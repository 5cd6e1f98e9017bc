/**
 * What some "what" questions (kind `other`) expect the answer to say, though it has no span shape
 * to check: 干什么用 is answered by a purpose (以灌溉为主, 用于…), 到什么阶段 by a stage or a progress
 * (已进入成长期, 完成84%), 有哪些 by several items (A、B、C, or 《…》《…》). A window that says no such
 * thing does not answer them.
 */
export type ExpectedEvidence = 'purpose' | 'stage' | 'list';

const ASKS: readonly [ExpectedEvidence, RegExp][] = [
  ['purpose', /(?:干|做|干啥|作)什么用|干啥用|什么用途|用途是|有什么用|起什么作用|有什么作用|作用是什么|什么功能|功能是什么|用来(?:干|做)(?:什么|啥)|是(?:干|做)什么的/u],
  ['stage', /什么阶段|哪个阶段|哪一步|什么程度|什么地步|进展(?:到|如何|怎么样|怎样)|进度(?:如何|怎么样|怎样)|(?:长|建|修|干)到(?:什么|哪)/u],
];

/** How the paper states each: a purpose (以…为主, 用于, 功能) or a stage (进入…期, 处于…阶段, 已完成, 完成84%). */
const SHOWS: Record<ExpectedEvidence, RegExp> = {
  purpose: /以[^，。；、的]{1,6}为主|主要用于|用于|用来|用作|功能|作用|首要任务|服务于/u,
  list: /[\p{Script=Han}A-Za-z0-9]{2,12}(?:、[\p{Script=Han}A-Za-z0-9]{2,12})+|》[、和及与]?《/u,
  stage: /(?:进入|处于|迈入|到了)[^，。；]{0,6}(?:期|阶段)|正处于|已完成|完成\d|已全部|已建成|已投入|已投产|进展顺利|阶段性/u,
};

/** The evidence a question expects, if it asks for a purpose, a stage or (`plural`: 哪些, 哪几) several things (see ExpectedEvidence). */
export function expectedEvidenceOf(question: string, plural = false): ExpectedEvidence | undefined {
  return ASKS.find(([, pattern]) => pattern.test(question))?.[0] ?? (plural ? 'list' : undefined);
}

/** Whether a (normalised) text states the evidence expected. */
export function showsEvidence(expected: ExpectedEvidence, text: string): boolean {
  return SHOWS[expected].test(text);
}
