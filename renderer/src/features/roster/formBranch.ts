/** Which branch a form that adds a member works on, taken from the branch the roster shows. */
import { ALL_BRANCHES, useRosterStore } from './rosterStore';
import { useCommitteeStore } from '../committee/committeeStore';

/**
 * A new member joins the branch the roster shows; when it shows all branches the form asks (choose).
 * branchId null = the local branch.
 */
export interface FormBranch {
  branchId: string | null;
  choose: boolean;
}

/** The FormBranch for the roster as it is now (a database with one branch: always the local one). */
export function shownFormBranch(): FormBranch {
  const shown = useRosterStore.getState().filters.branchId ?? null;
  const several = useCommitteeStore.getState().branches.length > 1;
  if (!several || !shown) return { branchId: null, choose: false };
  return shown === ALL_BRANCHES ? { branchId: null, choose: true } : { branchId: shown, choose: false };
}
