import type { Button } from '../keyboards.js';

/** One message as renderers describe it: HTML text (already escaped) and rows of buttons. */
export interface View {
  text: string;
  buttons?: Button[][];
}
