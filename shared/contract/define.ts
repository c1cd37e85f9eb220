/**
 * How a capability declares its operations, and how the capabilities' declarations become one contract.
 * An operation is name -> zod input schema -> result type (a type only), with the Chinese names of its
 * input fields for validation messages. Pure: no platform imports.
 */
import type { z } from 'zod';

/** Field name -> its Chinese label, for messages about an operation's input. */
export type FieldLabels = Readonly<Record<string, string>>;

export interface OperationSpec<In extends z.ZodType = z.ZodType, Out = unknown> {
  input: In;
  /** A type carrier only: never read at run time. */
  output: Out;
  /** Chinese field labels; filled from the module's labels when the operation names none. */
  labels?: FieldLabels;
}

export type Operations = Record<string, OperationSpec>;

/** One capability's part of the contract. */
export interface ContractModule<Ops extends Operations = Operations> {
  key: string;
  operations: Ops;
}

/** Declares an operation: its input schema, (as a type only) its result, and optionally its own field labels. */
export function op<Out>() {
  return <In extends z.ZodType>(input: In, labels?: FieldLabels): OperationSpec<In, Out> => ({
    input,
    output: undefined as unknown as Out,
    ...(labels ? { labels } : {}),
  });
}

/**
 * A capability's operations. `labels` are the field labels of every operation that declares none of its own
 * (an operation with `op<…>()(schema, labels)` keeps its own).
 */
export function defineOperations<Ops extends Operations>(key: string, labels: FieldLabels, operations: Ops): ContractModule<Ops> {
  const withLabels = Object.fromEntries(
    Object.entries(operations).map(([name, spec]) => [name, { ...spec, labels: spec.labels ?? labels }]),
  ) as Ops;
  return { key, operations: withLabels };
}

type Flatten<T> = { [K in keyof T]: T[K] };
type MergedOperations<Ms extends readonly ContractModule[]> = Ms extends readonly [
  infer Head extends ContractModule,
  ...infer Tail extends readonly ContractModule[],
]
  ? Head['operations'] & MergedOperations<Tail>
  : unknown;

/** The operations of all the modules, as one object; throws when two operations (or two modules) share a name. */
export function defineContract<const Ms extends readonly ContractModule[]>(...modules: Ms): Flatten<MergedOperations<Ms>> {
  const merged: Record<string, OperationSpec> = {};
  const owner = new Map<string, string>();
  const keys = new Set<string>();
  for (const module of modules) {
    if (keys.has(module.key)) throw new Error(`contract: two modules are named "${module.key}"`);
    keys.add(module.key);
    for (const [name, spec] of Object.entries(module.operations)) {
      const previous = owner.get(name);
      if (previous !== undefined) throw new Error(`contract: operation "${name}" is declared by both "${previous}" and "${module.key}"`);
      owner.set(name, module.key);
      merged[name] = spec;
    }
  }
  return merged as Flatten<MergedOperations<Ms>>;
}
