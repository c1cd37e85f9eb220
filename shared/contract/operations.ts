/**
 * The contract: every operation the renderer may ask of main, declared once, by the capability it
 * belongs to (shared/contract/<capability>.ts, merged in ./capabilities). name -> zod input schema ->
 * result type. The dispatcher, the IPC registration, the preload bridge and the api client are all
 * derived from `contract`. This module is the stable place to import the contract and its types from.
 */
import type { z } from 'zod';
import { contract } from './capabilities';

export { contract, CONTRACT_MODULES } from './capabilities';
export { op, defineOperations, defineContract, type ContractModule, type FieldLabels, type OperationSpec, type Operations } from './define';
export * from './app';
export * from './backup';
export * from './branch';
export * from './committee';
export * from './demo';
export * from './handover';
export * from './pipeline';
export * from './roster';
export * from './rosterFiles';
export * from './trash';

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = Contract[N]['output'];
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
