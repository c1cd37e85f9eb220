/** The official-format kit: every Word file of the app is built with these. */
export { fitColumns, textEm, type FitColumn, type FitResult } from '../../../shared/documents/fit';
export * from './document';
export * from '../../../shared/documents/fonts';
export * from './footers';
export * from './numerals';
export * from '../../../shared/documents/presets';
export * from './styles';
export * from './tables';
export * from './text';
export * from '../../../shared/documents/units';
