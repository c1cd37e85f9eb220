/** The page presets live in shared/ (the preview lays pages out with them too). */
export * from '../../../shared/documents/presets';
