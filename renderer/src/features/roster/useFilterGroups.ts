/** The party groups the roster's 党小组 filter offers: those of the branch shown, or of every branch. */
import { useEffect, useState } from 'react';
import { api } from '../../api';
import { useCommitteeStore } from '../committee/committeeStore';
import { useGroupsStore } from '../groups/groupsStore';
import { ALL_BRANCHES } from './rosterStore';

export interface GroupOption {
  value: string;
  label: string;
}

/** `branchId` as the roster filter holds it: null for the local branch, ALL_BRANCHES, or a branch id. */
export function useFilterGroups(branchId: string | null | undefined): GroupOption[] {
  const localGroups = useGroupsStore((s) => s.groups);
  const branches = useCommitteeStore((s) => s.branches);
  const [shown, setShown] = useState<GroupOption[] | null>(null);
  const otherBranch = !!branchId && branches.length > 1 && !branches.find((b) => b.id === branchId)?.isLocal;

  useEffect(() => {
    if (!otherBranch) {
      setShown(null);
      return;
    }
    let live = true;
    const across = branchId === ALL_BRANCHES;
    const targets = across ? branches : branches.filter((b) => b.id === branchId);
    Promise.all(
      targets.map(async (b) =>
        (await api().call('groups.list', { branchId: b.id })).map((g) => ({ value: g.id, label: across ? `${g.name}（${b.name}）` : g.name })),
      ),
    )
      .then((lists) => live && setShown(lists.flat()))
      .catch(() => live && setShown([]));
    return () => {
      live = false;
    };
    // localGroups: a group added or renamed on the 党小组 screen shows here too.
  }, [otherBranch, branchId, branches, localGroups]);

  return otherBranch && shown ? shown : localGroups.map((g) => ({ value: g.id, label: g.name }));
}
