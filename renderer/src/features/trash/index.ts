/** 回收站: deleted records, restorable. */
import { DeleteOutlined } from '@ant-design/icons';
import { reloadWhenLoaded, type Capability } from '../capability';

export const trash: Capability = {
  key: 'trash',
  screens: [{ key: 'trash', label: '回收站', group: 'data', icon: DeleteOutlined, order: 40, path: '/trash', page: () => import('./TrashPage') }],
  reload: reloadWhenLoaded(() => import('./trashStore').then((m) => m.useTrashStore), (s) => s.load()),
};
