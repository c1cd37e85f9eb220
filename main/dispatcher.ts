/**
 * The dispatcher: contract operation -> service call. The only thing a transport calls.
 * Every input is validated here against the contract before any service sees it.
 * The handlers come from the capabilities (main/capabilities.ts); loading this module checks that
 * they answer every operation of the contract exactly once.
 */
import { AppError, type Result } from '../shared/contract/errors';
import { contract, isOperationName, OPERATION_NAMES } from '../shared/contract/operations';
import { zodProblems } from '../shared/contract/validate';
import { validationError } from '../shared/contract/errors';
import type { AppContext } from './app/context';
import { CAPABILITIES } from './capabilities';
import { mergeHandlers } from './capability';

const handlers = mergeHandlers(OPERATION_NAMES, CAPABILITIES);

/** Validates and runs one operation; never throws. */
export async function dispatch(ctx: AppContext, name: string, rawInput: unknown): Promise<Result<unknown>> {
  try {
    if (!isOperationName(name)) throw new AppError('E_UNKNOWN_OPERATION', `未知的操作“${name}”`);
    const operation = contract[name];
    const parsed = operation.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      // Inputs that nest a record (fields, event, transfer): report its fields by their own names, as create does.
      const problems = zodProblems(parsed.error).map((p) => ({ ...p, field: p.field.replace(/^(fields|event|transfer)\./, '') }));
      throw validationError(problems, operation.labels ?? {});
    }
    const handler = handlers.get(name) as (ctx: AppContext, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toPayload() };
    ctx.log.error(`operation ${name} failed`, e);
    return { ok: false, error: { code: 'E_INTERNAL', message: `程序内部错误：${(e as Error)?.message ?? String(e)}` } };
  }
}
