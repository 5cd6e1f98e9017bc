import { asNum, createCallbackCodec } from '../callback-codec.js';

/** Page `page` of the articles of topic number `index` in `archive.topics()`: `t:<index>:<page>`. */
export const topicPageButton = createCallbackCodec('t', {
  fields: (v: { index: number; page: number }) => [v.index, v.page],
  parse: ([index, page, ...rest]) => {
    const i = asNum(index);
    const p = asNum(page);
    return i !== undefined && p !== undefined && rest.length === 0 ? { index: i, page: p } : undefined;
  },
});

/** The list of topics: `tl`. */
export const topicListButton = createCallbackCodec('tl', {
  fields: (_: true) => [],
  parse: (rest) => (rest.length === 0 ? true : undefined),
});
