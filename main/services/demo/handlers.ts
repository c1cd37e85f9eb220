import type { demoOperations } from '../../../shared/contract/demo';
import type { HandlersOf } from '../../capability';
import { rosterSize, startDemoSeed } from './seed';

export const demoHandlers: HandlersOf<typeof demoOperations> = {
  'demo.seed': (ctx, input) => startDemoSeed(ctx, input),
  'demo.status': (ctx) => ({ members: rosterSize(ctx.db) }),
  'jobs.get': (ctx, input) => ctx.jobs.get(input.id),
};
