/** 首页: the branch at a glance. */
import { HomeOutlined } from '@ant-design/icons';
import { reloadWhenLoaded, type Capability } from '../capability';

export const overview: Capability = {
  key: 'overview',
  screens: [{ key: 'overview', label: '首页', group: 'home', icon: HomeOutlined, order: 0, path: '/home', page: () => import('./OverviewPage') }],
  reload: reloadWhenLoaded(() => import('./overviewStore').then((m) => m.useOverviewStore), (s) => s.load()),
};
