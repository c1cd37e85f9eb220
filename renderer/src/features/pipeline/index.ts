/** 发展党员: the development procedure of applicants. */
import { RiseOutlined } from '@ant-design/icons';
import { reloadWhenLoaded, type Capability } from '../capability';

export const pipeline: Capability = {
  key: 'pipeline',
  screens: [{ key: 'pipeline', label: '发展党员', group: 'members', icon: RiseOutlined, order: 20, path: '/pipeline', page: () => import('./PipelinePage') }],
  reload: reloadWhenLoaded(() => import('./pipelineStore').then((m) => m.usePipelineStore), (s) => s.loadBoard()),
  handover: [{ key: 'applicants', label: '发展党员', hint: '入党申请人及各个发展步骤', tables: ['applicants', 'applicant_steps'] }],
};
