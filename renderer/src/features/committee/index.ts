/** 支部对比: the committee's roll-up, shown only when the database holds several branches. */
import { FundProjectionScreenOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';
import { useCommitteeStore } from './committeeStore';

export const committee: Capability = {
  key: 'committee',
  screens: [
    {
      key: 'committee',
      label: '支部对比',
      group: 'system',
      icon: FundProjectionScreenOutlined,
      order: 20,
      path: '/compare',
      page: () => import('./ComparePage'),
      useShown: () => useCommitteeStore((s) => s.branches.length > 1),
    },
  ],
  start: () => void useCommitteeStore.getState().loadBranches(),
  reload: async () => {
    await useCommitteeStore.getState().loadBranches();
    if (useCommitteeStore.getState().loaded) await useCommitteeStore.getState().loadFigures();
  },
};
