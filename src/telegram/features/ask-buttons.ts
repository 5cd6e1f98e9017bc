import type { SearchOrder } from '../../search/types.js';
import { asId, asNum, createCallbackCodec } from '../callback-codec.js';

/** One page of an answer list. */
export interface AnswerPageRef {
  /** The question, remembered under this key in the query store (the question itself does not fit in 64 bytes). */
  key: string;
  page: number;
  order: SearchOrder;
}

/** Page `page` of the results for a remembered question, in relevance (`r`) or date (`d`) order: `m:<key>:<page>:<r|d>`. */
export const answerPageButton = createCallbackCodec('m', {
  fields: (v: AnswerPageRef) => [v.key, v.page, v.order === 'date' ? 'd' : 'r'],
  parse: ([key, page, order, ...rest]) => {
    const k = asId(key);
    const p = asNum(page);
    // Buttons from before the order existed (`m:<key>:<page>`) still page by relevance.
    const o: SearchOrder | undefined = order === undefined || order === 'r' ? 'relevance' : order === 'd' ? 'date' : undefined;
    return k !== undefined && p !== undefined && o !== undefined && rest.length === 0 ? { key: k, page: p, order: o } : undefined;
  },
});
