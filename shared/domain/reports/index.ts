/** Report drafting (工作报告), the pure domain: see docs/reports.md. */
export * from './model';
export * from './numbering';
export * from './outline';
export * from './wordCount';
export * from './proofFlags';
export * from './proofText';
export * from './proofStructure';
export * from './proofread';
export * from './templates';
export * from './refresh';
