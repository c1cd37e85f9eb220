import type { Capability } from '../../capability';
import { seedDemoCommand } from './cli';
import { demoHandlers } from './handlers';

/** The seeding machinery (demo.seed, seed-demo) and background jobs; each capability brings its own seeders. */
export const demoCapability: Capability = {
  key: 'demo',
  label: '示例数据',
  handlers: demoHandlers,
  cliCommands: [seedDemoCommand],
};
