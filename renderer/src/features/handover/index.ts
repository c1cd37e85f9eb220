/** 数据交接: hand-over packages out and in, and their log. */
import { SwapOutlined } from '@ant-design/icons';
import { reloadWhenLoaded, type Capability } from '../capability';

export const handover: Capability = {
  key: 'handover',
  screens: [{ key: 'handover', label: '数据交接', group: 'data', icon: SwapOutlined, order: 20, path: '/handover', page: () => import('./HandoverPage') }],
  reload: reloadWhenLoaded(() => import('./handoverStore').then((m) => m.useHandoverStore), (s) => s.loadHistory()),
};
