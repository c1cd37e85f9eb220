/** 支部信息: the branch profile (the branch itself is read at start-up by the app store). */
import { BankOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const branch: Capability = {
  key: 'branch',
  screens: [{ key: 'branch', label: '支部信息', group: 'system', icon: BankOutlined, order: 10, path: '/branch', page: () => import('./BranchPage') }],
};
