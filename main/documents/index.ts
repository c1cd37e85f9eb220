/** Printed documents. Each builder takes data and returns a docx Document; `toBuffer` packs it into .docx bytes. */
export { toBuffer } from './kit';
export { buildRosterDocument, rosterLayout, rosterTitle, type RosterDocumentInput } from './roster';
export { DEFAULT_ROSTER_COLUMNS, ROSTER_COLUMNS, registerDate, type RosterMember } from './rosterColumns';
export { buildBranchStatisticsDocument, STATISTICS_TITLE, type BranchStatisticsInput } from './statistics';
export { computeBranchStatistics, type BranchStatistics, type CountRow } from './statisticsData';
