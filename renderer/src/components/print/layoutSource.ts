/** Where the preview's pages come from: the layout engine (shared/documents/layout.ts, branch `layout`). */
export { layoutDocument } from './interimLayout';
