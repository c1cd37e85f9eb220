/** Chinese numerals live with the domain rules; the kit uses them for heading numbers. */
export * from '../../../shared/domain/numerals';
