/** 导入名册 (and the roster's Excel/Word export, which lives on the roster screen). */
import { UploadOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const rosterFiles: Capability = {
  key: 'rosterFiles',
  screens: [{ key: 'rosterImport', label: '导入名册', group: 'data', icon: UploadOutlined, order: 10, path: '/import', page: () => import('./ImportPage') }],
};
