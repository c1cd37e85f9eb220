/** The facts operations' handlers, typed from the contract module shared/contract/facts.ts. */
import type { z } from 'zod';
import { factsOperations } from '../../../shared/contract/facts';
import type { AppContext } from '../../app/context';
import { getFact, getFacts, listFacts } from './service';

type FactsOperations = typeof factsOperations;
type FactsHandlers = {
  [N in keyof FactsOperations]: (ctx: AppContext, input: z.output<FactsOperations[N]['input']>) => FactsOperations[N]['output'];
};

export const factsHandlers: FactsHandlers = {
  'facts.list': () => listFacts(),
  'facts.get': (ctx, input) => getFact(ctx.db, input),
  'facts.getMany': (ctx, input) => getFacts(ctx.db, input.queries),
};
