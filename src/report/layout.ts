/** Indents and labels shared by the blocks of the human report. */
export const DETAIL_INDENT = '    ';
export const FIX_LABEL = 'Fix: ';
