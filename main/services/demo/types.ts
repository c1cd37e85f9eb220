/** The shape every demo capability (members now; meetings, appraisal… later) follows. */
import type { Sqlite } from '../../db/query';
import type { Member } from '../../../shared/domain/member';

export interface DemoPlan {
  /** Number of members to generate. */
  members: number;
  seed: number;
  /** YYYY-MM-DD; dates of the demo data are placed relative to it. */
  today: string;
  /** The branch's unit (工作单位 of its members). */
  workUnit: string;
}

/** What the writing steps have produced so far, for the steps after them. */
export interface DemoState {
  branchId: string;
  branchCreated: boolean;
  /** Members as stored, in generation order. */
  members: Member[];
}

export type DemoCounts = Record<string, number>;

export interface DemoCapability<P> {
  key: string;
  /** What is being prepared, in Chinese (shown as progress: 正在生成{label}). */
  label: string;
  /** Units of preparation work, for progress. */
  size(plan: DemoPlan): number;
  /**
   * Pure preparation: draws from its own random stream of the seed and yields after each unit
   * of work, so a job can prepare in slices. Returns the prepared data.
   */
  prepare(plan: DemoPlan): Generator<void, P, void>;
  /** Writes the prepared data inside the seeding transaction; returns counts for the summary. */
  write(db: Sqlite, prepared: P, state: DemoState, plan: DemoPlan): DemoCounts;
}
