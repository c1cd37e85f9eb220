/** The committee's view: every branch in the database, side by side. */
import { defineOperations, op } from './define';
import { none } from './common';

export interface BranchFigures {
  groups: { key: string; label: string; columns: { key: string; label: string }[] }[];
  branches: { id: string; name: string; isLocal: boolean; figures: Record<string, Record<string, number>> }[];
}

export interface BranchSummary {
  id: string;
  name: string;
  parentCommittee: string;
  isLocal: boolean;
  memberCount: number;
}

export const committeeOperations = defineOperations('committee', {}, {
  'branches.list': op<BranchSummary[]>()(none),
  'branches.compare': op<BranchFigures>()(none),
});
