/** 备份与恢复. */
import { CloudServerOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const backup: Capability = {
  key: 'backup',
  screens: [{ key: 'backup', label: '备份与恢复', group: 'data', icon: CloudServerOutlined, order: 30, path: '/backup', page: () => import('./BackupPage') }],
};
