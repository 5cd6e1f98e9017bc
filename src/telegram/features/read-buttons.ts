import { asId, asNum, createCallbackCodec } from '../callback-codec.js';

/** Read an article, starting at message `part` of its text: `a:<articleId>:<part>`. */
export const readButton = createCallbackCodec('a', {
  fields: (v: { articleId: string; part: number }) => [v.articleId, v.part],
  parse: ([id, part, ...rest]) => {
    const articleId = asId(id);
    const n = asNum(part);
    return articleId !== undefined && n !== undefined && rest.length === 0 ? { articleId, part: n } : undefined;
  },
});
