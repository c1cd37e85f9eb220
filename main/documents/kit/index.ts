/** The official-format kit: every Word file of the app is built with these. */
export * from './autofit';
export * from './document';
export * from './fonts';
export * from './footers';
export * from './numerals';
export * from './presets';
export * from './styles';
export * from './tables';
export * from './text';
export * from './units';
