/** Printed documents. Each builder takes data and returns a PrintDocument; `renderDocx` writes it as .docx bytes. */
export { renderDocx } from './render';
export { buildRosterDocument, rosterPlanMessage, rosterPrint, rosterPrintPlan, rosterTitle, type RosterDocumentInput } from './roster';
export { DEFAULT_ROSTER_COLUMNS, ROSTER_COLUMNS, registerDate, type RosterMember } from './rosterColumns';
export { buildBranchStatisticsDocument, ONE_PAGE_GROUPS, STATISTICS_TITLE, type BranchStatisticsInput } from './statistics';
export { computeBranchStatistics, type BranchStatistics, type CountRow } from './statisticsData';
