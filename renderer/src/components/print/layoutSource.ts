/** Where the preview's pages come from: the layout engine, the same one the tests compare with LibreOffice's pages. */
export { layoutDocument } from '../../../../shared/documents/layout';
