/** The facts operations' handlers, typed from the contract module shared/contract/facts.ts. */
import type { factsOperations } from '../../../shared/contract/facts';
import type { HandlersOf } from '../../capability';
import { getFact, getFacts, listFacts } from './service';

export const factsHandlers: HandlersOf<typeof factsOperations> = {
  'facts.list': () => listFacts(),
  'facts.get': (ctx, input) => getFact(ctx.db, input),
  'facts.getMany': (ctx, input) => getFacts(ctx.db, input.queries),
};
