import type { Capability } from '../../capability';
import { pipelineTables } from './tables';
import { PIPELINE_FACTS } from './facts';
import { pipelineDemo } from './demo';
import { pipelineHandlers } from './handlers';

export const pipelineCapability: Capability = {
  key: 'pipeline',
  label: '党员发展',
  handlers: pipelineHandlers,
  cliCommands: [],
  demo: [pipelineDemo],
  facts: PIPELINE_FACTS,
  tables: pipelineTables,
};
