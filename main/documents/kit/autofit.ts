/** Column fitting lives in shared/documents/fit.ts (measured widths), shared with the layout engine and the preview. */
export { fitColumns, textEm, type FitColumn, type FitResult } from '../../../shared/documents/fit';
