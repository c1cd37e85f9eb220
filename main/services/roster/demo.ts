/** The roster capability of the demo seeder: members, their party groups with leaders, the branch committee. */
import type { Member } from '../../../shared/domain/member';
import type { Sqlite } from '../../db/query';
import { ensureGroupByName, listGroups, saveGroup } from '../roster/groups';
import { addMembers, type MemberImportItem } from '../roster/members';
import { linkDemoOfficers } from '../demo/branch';
import { crewTeams, groupName } from '../demo/crew';
import { demoMemberStream } from '../demo/members';
import type { DemoCapability, DemoCounts, DemoPlan, DemoState } from '../demo/types';

/** Makes each group's 党小组长 its leader on the group record. */
function linkGroupLeaders(db: Sqlite, members: readonly Member[]): void {
  const leaders = new Map(members.filter((m) => m.partyPost === '党小组长' && m.partyGroupId).map((m) => [m.partyGroupId!, m.id]));
  for (const group of listGroups(db)) {
    const leaderMemberId = leaders.get(group.id);
    if (!leaderMemberId || group.leaderMemberId) continue;
    saveGroup(db, { id: group.id, name: group.name, sortOrder: group.sortOrder, leaderMemberId });
  }
}

function rosterCounts(members: readonly Member[]): DemoCounts {
  return {
    members: members.length,
    formal: members.filter((m) => m.category === '正式党员').length,
    probationary: members.filter((m) => m.category === '预备党员').length,
    groups: new Set(members.map((m) => m.partyGroupId).filter(Boolean)).size,
  };
}

export interface PreparedRoster {
  /** Party group names in the crew's order (钻井一班, 钻井二班, 机修班…). */
  groups: string[];
  items: MemberImportItem[];
}

export const rosterDemo: DemoCapability<PreparedRoster> = {
  key: 'roster',
  label: '党员名册',
  size: (plan: DemoPlan) => plan.members,
  *prepare(plan: DemoPlan) {
    const items: MemberImportItem[] = [];
    for (const item of demoMemberStream(plan.members, plan.seed, plan.today, { workUnit: plan.workUnit })) {
      items.push(item);
      yield;
    }
    return { groups: crewTeams(plan.members).map(groupName), items };
  },
  write(db: Sqlite, { groups, items }: PreparedRoster, state: DemoState, plan: DemoPlan): DemoCounts {
    for (const name of groups) ensureGroupByName(db, state.branchId, name);
    const members = addMembers(db, items, { today: plan.today });
    state.members.push(...members);
    linkGroupLeaders(db, members);
    const officers = state.branchCreated ? linkDemoOfficers(db, members) : 0;
    return { ...rosterCounts(members), officers };
  },
};
