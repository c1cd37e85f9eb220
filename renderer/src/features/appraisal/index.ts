/**
 * 民主评议党员: campaigns, ballot sheets, tallies and grades. Its screens are not built yet; its tables already travel
 * in hand-over packages, so the choice is offered here.
 */
import type { Capability } from '../capability';

export const appraisal: Capability = {
  key: 'appraisal',
  screens: [],
  handover: [
    {
      key: 'appraisal',
      label: '民主评议',
      hint: '民主评议的安排、参评党员、测评票、评定结果、不合格党员的处置',
      tables: ['appraisal_campaigns', 'appraisal_members', 'appraisal_sheets', 'appraisal_marks', 'appraisal_grades', 'appraisal_followups'],
    },
  ],
};
