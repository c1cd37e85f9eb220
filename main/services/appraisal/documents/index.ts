/** The printed documents of 民主评议党员: ballots, self-evaluation forms, tally sheet, results, 公示. Data in, PrintDocument out. */
export { buildBallotDocument, ballotRows, BALLOT_HEADER, TICK_BOX, type BallotInput } from './ballot';
export { buildSelfEvaluationDocument, type SelfEvaluationInput, type SelfEvaluationMember } from './selfEvaluation';
export { buildTallyDocument, ballotsLine, tallyRows, type TallyInput } from './tally';
export { buildResultsDocument, gradesLine, resultsRows, RESULTS_HEADER, type ResultsInput } from './results';
export { buildPublicityDocument, publicityTitle, undecidedMembers, type PublicityInput } from './notice';
