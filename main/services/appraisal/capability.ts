import type { Capability } from '../../capability';
import { appraisalCliCommands } from './cli';
import { appraisalDemo } from './demo';
import { APPRAISAL_FACTS } from './facts';
import { appraisalHandlers } from './handlers';
import { appraisalTables } from './tables';

export const appraisalCapability: Capability = {
  key: 'appraisal',
  label: '民主评议',
  handlers: appraisalHandlers,
  cliCommands: [...appraisalCliCommands],
  demo: [appraisalDemo],
  tables: appraisalTables,
  facts: APPRAISAL_FACTS,
};
