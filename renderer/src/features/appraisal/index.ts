/**
 * 民主评议党员: campaigns, ballot sheets, tallies and grades. One menu entry under 组织生活 (the menu is long); the
 * page has a tab per step: 评议活动, 录入测评表, 统计与评定.
 */
import { SolutionOutlined } from '@ant-design/icons';
import type { Capability } from '../capability';

export const appraisal: Capability = {
  key: 'appraisal',
  screens: [
    { key: 'appraisal', label: '民主评议党员', group: 'life', icon: SolutionOutlined, order: 40, path: '/appraisal', page: () => import('./AppraisalPage') },
  ],
  handover: [
    {
      key: 'appraisal',
      label: '民主评议',
      hint: '民主评议的安排、参评党员、测评票、评定结果、不合格党员的处置',
      tables: ['appraisal_campaigns', 'appraisal_members', 'appraisal_sheets', 'appraisal_marks', 'appraisal_grades', 'appraisal_followups'],
    },
  ],
};
