/** Font names live in shared/ (the preview names them too); the run fonts are Word's. */
export * from '../../../shared/documents/fonts';
