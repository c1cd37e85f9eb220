/** The statistics are counted by a pure domain rule; documents and the overview screen share it. */
export * from '../../shared/domain/statistics';
