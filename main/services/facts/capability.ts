import type { Capability } from '../../capability';
import { factsHandlers } from './handlers';

/** Facts themselves are offered by the other capabilities (their `facts`); this one reads them out. */
export const factsCapability: Capability = {
  key: 'facts',
  label: '统计项',
  handlers: factsHandlers,
  cliCommands: [],
};
