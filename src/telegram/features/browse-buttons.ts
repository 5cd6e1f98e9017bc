import { asId, asNum, createCallbackCodec } from '../callback-codec.js';

const oneId = ([id, ...rest]: readonly string[]) => (rest.length === 0 ? asId(id) : undefined);

/** Show an issue in place of the message holding the button (◀ / ▶ navigation, lists): `i:<issueId>`. */
export const issueButton = createCallbackCodec('i', { fields: (issueId: string) => [issueId], parse: oneId });

/** Show an issue as a new message (from an article, whose text should stay): `o:<issueId>`. */
export const openIssueButton = createCallbackCodec('o', { fields: (issueId: string) => [issueId], parse: oneId });

/** Page `page` of the list of issues: `il:<page>`. */
export const issuesPageButton = createCallbackCodec('il', {
  fields: (page: number) => [page],
  parse: ([page, ...rest]) => (rest.length === 0 ? asNum(page) : undefined),
});
