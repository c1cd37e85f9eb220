/** A capability = its folders + one line per central list: the lists are checked when they are merged. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CAPABILITIES } from '../../../main/capabilities';
import { assertUniqueKeys, mergeHandlers, type Capability, type HandlersOf } from '../../../main/capability';
import { COMMANDS } from '../../../main/cli/commands';
import { demoCapabilities } from '../../../main/services/demo/seed';
import { CONTRACT_MODULES } from '../../../shared/contract/capabilities';
import { defineContract, defineOperations, op } from '../../../shared/contract/define';
import { contract, OPERATION_NAMES } from '../../../shared/contract/operations';

const notesOperations = defineOperations('notes', { text: '内容' }, {
  'notes.list': op<string[]>()(z.object({})),
  'notes.save': op<string>()(z.object({ text: z.string() })),
  'notes.delete': op<void>()(z.object({ id: z.string() }), { id: '编号' }),
});
const tagsOperations = defineOperations('tags', {}, {
  'tags.list': op<string[]>()(z.object({})),
  'notes.save': op<string>()(z.object({ text: z.string() })),
});

const capability = (key: string, handlers: Capability['handlers']): Capability => ({ key, label: key, handlers, cliCommands: [] });
const noteHandlers = { 'notes.list': () => [], 'notes.save': () => '', 'notes.delete': () => undefined };

describe('the contract merge', () => {
  it('merges the modules and keeps each operation’s labels (its own, else its module’s)', () => {
    const merged = defineContract(notesOperations);
    expect(Object.keys(merged)).toEqual(['notes.list', 'notes.save', 'notes.delete']);
    expect(merged['notes.save'].labels).toEqual({ text: '内容' });
    expect(merged['notes.delete'].labels).toEqual({ id: '编号' });
  });

  it('throws when two modules declare the same operation', () => {
    expect(() => defineContract(notesOperations, tagsOperations)).toThrow(/"notes\.save" is declared by both "notes" and "tags"/);
  });

  it('throws when two modules share a key', () => {
    expect(() => defineContract(notesOperations, defineOperations('notes', {}, {}))).toThrow(/two modules are named "notes"/);
  });

  it('the app’s contract is the merge of its modules, every operation with labels', () => {
    const declared = CONTRACT_MODULES.flatMap((m) => Object.keys(m.operations));
    expect(OPERATION_NAMES).toEqual(declared);
    for (const name of OPERATION_NAMES) expect(contract[name].labels, name).toBeTypeOf('object');
    expect(contract['groups.save'].labels!.name).toBe('党小组名称');
    expect(contract['branch.save'].labels!.name).not.toBe('党小组名称');
    expect(contract['members.transferIn'].labels).toMatchObject({ name: '姓名' });
    expect(Object.keys(contract['members.transferIn'].labels!).length).toBeGreaterThan(Object.keys(contract['members.create'].labels!).length);
  });
});

describe('the handlers merge', () => {
  const names = Object.keys(notesOperations.operations);

  it('merges one handler per operation', () => {
    expect([...mergeHandlers(names, [capability('notes', noteHandlers)]).keys()]).toEqual(names);
  });

  it('throws when an operation has no handler', () => {
    const { 'notes.delete': _, ...partial } = noteHandlers;
    expect(() => mergeHandlers(names, [capability('notes', partial)])).toThrow(/no handler for "notes\.delete"/);
  });

  it('throws when a handler has no operation', () => {
    const extra = { ...noteHandlers, 'notes.archive': () => undefined };
    expect(() => mergeHandlers(names, [capability('notes', extra)])).toThrow(/"notes" handles "notes\.archive", which the contract does not declare/);
  });

  it('throws when two capabilities handle the same operation', () => {
    const twice = [capability('notes', noteHandlers), capability('tags', { 'notes.list': () => [] })];
    expect(() => mergeHandlers(names, twice)).toThrow(/"notes\.list" is handled by both "notes" and "tags"/);
  });

  it('a missing or misspelled handler does not compile', () => {
    // @ts-expect-error notes.delete is missing
    const missing: HandlersOf<typeof notesOperations> = { 'notes.list': () => [], 'notes.save': () => '' };
    // @ts-expect-error notes.remove is not an operation of the module
    const misspelled: HandlersOf<typeof notesOperations> = { ...noteHandlers, 'notes.remove': () => undefined };
    // @ts-expect-error the result must be the operation's result type
    const wrongResult: HandlersOf<typeof notesOperations> = { ...noteHandlers, 'notes.save': () => 42 };
    const typed: HandlersOf<typeof notesOperations> = { ...noteHandlers, 'notes.save': (_ctx, input) => input.text };
    expect([missing, misspelled, wrongResult, typed].map((h) => Object.keys(h).length)).toEqual([2, 4, 3, 3]);
  });
});

describe('the app’s capability list', () => {
  it('uses every key once, and each capability has the contract module of the same key', () => {
    const keys = CAPABILITIES.map((c) => c.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice().sort()).toEqual(CONTRACT_MODULES.map((m) => m.key).sort());
    expect(() => assertUniqueKeys([...CAPABILITIES, capability('roster', {})])).toThrow(/"roster" is used twice/);
  });

  it('handles every operation of the contract exactly once', () => {
    expect(mergeHandlers(OPERATION_NAMES, CAPABILITIES).size).toBe(OPERATION_NAMES.length);
  });

  it('each capability handles exactly the operations of its own contract module', () => {
    for (const cap of CAPABILITIES) {
      const module = CONTRACT_MODULES.find((m) => m.key === cap.key)!;
      expect(Object.keys(cap.handlers).sort(), cap.key).toEqual(Object.keys(module.operations).sort());
    }
  });

  it('derives the CLI commands and the demo seeders in the list’s order', () => {
    expect(COMMANDS).toEqual(CAPABILITIES.flatMap((c) => c.cliCommands));
    expect(COMMANDS.map((c) => c.path.join(' ')).slice(0, 5)).toEqual(['init', 'check', 'seed-demo', 'member list', 'member add']);
    expect(demoCapabilities().map((d) => d.key)).toEqual(['roster', 'events', 'pipeline', 'codeLists', 'meetings', 'targets', 'appraisal']);
  });
});
