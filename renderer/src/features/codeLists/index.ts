/** The 字典管理 screen, as the menu lists it (group 系统); the page loads when first opened. */
import { UnorderedListOutlined } from '@ant-design/icons';

export const codeListsScreen = {
  key: 'codeLists',
  label: '字典管理',
  group: '系统',
  icon: UnorderedListOutlined,
  order: 90,
  page: () => import('./CodeListsPage'),
} as const;

export { useCodeListsStore } from './codeListsStore';
