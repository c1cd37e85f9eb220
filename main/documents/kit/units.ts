/** Word measures live in shared/ (the preview lays pages out in twips too). */
export * from '../../../shared/documents/units';
