/** 党小组: the branch's party groups. */
import { ApartmentOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const groups: Capability = {
  key: 'groups',
  screens: [{ key: 'groups', label: '党小组', group: 'members', icon: ApartmentOutlined, order: 30, path: '/groups', page: () => import('./GroupsPage') }],
  reload: async () => {
    const { useGroupsStore } = await import('./groupsStore');
    await useGroupsStore.getState().load();
  },
  handover: [{ key: 'party_groups', label: '党小组', hint: '党小组及组长', tables: ['party_groups'] }],
};
