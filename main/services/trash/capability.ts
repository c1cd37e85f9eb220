import type { Capability } from '../../capability';
import { trashHandlers } from './handlers';

export const trashCapability: Capability = {
  key: 'trash',
  label: '回收站',
  handlers: trashHandlers,
  cliCommands: [],
};
