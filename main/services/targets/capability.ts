import type { Capability } from '../../capability';
import { targetAssessmentCommand, targetLettersCommand } from './cli';
import { targetsDemo } from './demo';
import { TARGETS_FACTS } from './facts';
import { targetsHandlers } from './handlers';
import { targetsTables } from './tables';

export const targetsCapability: Capability = {
  key: 'targets',
  label: '目标管理',
  handlers: targetsHandlers,
  cliCommands: [targetLettersCommand, targetAssessmentCommand],
  demo: [targetsDemo],
  facts: TARGETS_FACTS,
  tables: targetsTables,
};
