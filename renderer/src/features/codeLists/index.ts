/** 字典管理: the lists a branch adjusts (岗位, 缺席原因, 谈话类型, 会议地点, 表彰称号). */
import { UnorderedListOutlined } from '@ant-design/icons';
import { reloadWhenLoaded, type Capability } from '../capability';

export const codeLists: Capability = {
  key: 'codeLists',
  screens: [{ key: 'codeLists', label: '字典管理', group: 'system', icon: UnorderedListOutlined, order: 20, path: '/code-lists', page: () => import('./CodeListsPage') }],
  reload: reloadWhenLoaded(() => import('./codeListsStore').then((m) => m.useCodeListsStore), (s) => s.load()),
  handover: [{ key: 'code_items', label: '字典', hint: '岗位、缺席原因、谈话类型、会议地点、表彰称号', tables: ['code_items'] }],
};
