/** 系统与数据: diagnostics, demo data. */
import { SettingOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const system: Capability = {
  key: 'system',
  screens: [{ key: 'system', label: '系统与数据', group: 'system', icon: SettingOutlined, order: 30, path: '/system', page: () => import('./SystemPage') }],
};
