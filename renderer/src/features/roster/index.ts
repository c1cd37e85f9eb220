/** 党员名册: the members, their details and forms. */
import { TeamOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const roster: Capability = {
  key: 'roster',
  screens: [{ key: 'roster', label: '党员名册', group: 'members', icon: TeamOutlined, order: 10, path: '/roster', page: () => import('./RosterPage') }],
  reload: async () => {
    const { useRosterStore } = await import('./rosterStore');
    await useRosterStore.getState().reload();
  },
  handover: [{ key: 'members', label: '党员名册', hint: '党员的基本信息，含党小组', tables: ['members'] }],
};
