/** Code lists (字典): defaults, the label rules, order, retiring, pick-list options and the trash. */
import { describe, expect, it } from 'vitest';
import { CODE_LIST_KINDS, labelKey } from '../../../shared/domain/codeLists';
import { defaultItemId } from '../../../main/services/codeLists/service';
import { testContext, trackContexts, type TestContext } from '../../helpers/context';

const track = trackContexts();

async function branchContext(): Promise<TestContext> {
  const t = await testContext();
  track(t);
  await t.call('branch.save', { name: '中共测试钻井队支部委员会' });
  return t;
}

async function failure(p: Promise<unknown>): Promise<{ code: string; message: string; issues?: { field: string; message: string }[] }> {
  const e = await p.then(
    () => null,
    (err: { payload: { code: string; message: string } }) => err.payload,
  );
  if (!e) throw new Error('expected the call to fail');
  return e;
}

const posts = async (t: TestContext) => (await t.call('codeLists.list', { kind: 'posts' }))[0]!;

describe('defaults', () => {
  it('a branch that never edited a list gets every kind’s defaults, in order, all in use, written once', async () => {
    const t = await branchContext();
    const lists = await t.call('codeLists.list', {});
    expect(lists.map((l) => l.kind)).toEqual(CODE_LIST_KINDS.map((k) => k.key));
    for (const kind of CODE_LIST_KINDS) {
      const list = lists.find((l) => l.kind === kind.key)!;
      expect(list.items.map((i) => i.label)).toEqual(kind.defaults);
      expect(list.items.every((i) => i.inUse)).toBe(true);
    }
    expect(lists.find((l) => l.kind === 'absenceReasons')!.items.map((i) => i.label)).toEqual(['公差', '病假', '事假', '轮休', '探亲', '外出培训', '其他']);
    const count = () => (t.db.prepare('SELECT count(*) AS n FROM code_items').get() as { n: number }).n;
    const total = CODE_LIST_KINDS.reduce((n, k) => n + k.defaults.length, 0);
    expect(count()).toBe(total);
    await t.call('codeLists.list', {});
    expect(count()).toBe(total);
    // Each default insert is in the change log, like any other write.
    expect((t.db.prepare("SELECT count(*) AS n FROM change_log WHERE table_name = 'code_items' AND action = 'insert'").get() as { n: number }).n).toBe(total);
  });

  it('default rows have ids derived from branch, kind and label, so two installations write the same rows', async () => {
    const t = await branchContext();
    const list = await posts(t);
    const branch = await t.call('branch.get');
    expect(list.items[0]!.id).toBe(defaultItemId(branch!.id, 'posts', '队长'));
    expect(defaultItemId(branch!.id, 'posts', '队长')).not.toBe(defaultItemId(branch!.id, 'posts', '司钻'));
  });

  it('a list whose items were all deleted is not filled again', async () => {
    const t = await branchContext();
    const list = (await t.call('codeLists.list', { kind: 'meetingPlaces' }))[0]!;
    for (const item of list.items) await t.call('codeLists.delete', { id: item.id });
    expect((await t.call('codeLists.list', { kind: 'meetingPlaces' }))[0]!.items).toEqual([]);
    expect(await t.call('codeLists.options', { kind: 'meetingPlaces' })).toEqual([]);
  });

  it('without a branch profile there is nothing to list', async () => {
    const t = await testContext();
    track(t);
    expect((await failure(t.call('codeLists.list', {}))).code).toBe('E_NO_BRANCH');
  });
});

describe('labels', () => {
  it('adds a trimmed label at the end of its list, in use', async () => {
    const t = await branchContext();
    const item = await t.call('codeLists.save', { kind: 'posts', label: '　 录井工  ', note: ' 新设岗位 ' });
    expect(item).toMatchObject({ label: '录井工', note: '新设岗位', inUse: true, kind: 'posts' });
    const list = await posts(t);
    expect(list.items.at(-1)!.label).toBe('录井工');
    expect(await t.call('codeLists.options', { kind: 'posts' })).toContain('录井工');
  });

  it('refuses an empty label, naming the field', async () => {
    const t = await branchContext();
    const e = await failure(t.call('codeLists.save', { kind: 'talkKinds', label: '　 ' }));
    expect(e.code).toBe('E_VALIDATION');
    expect(e.message).toBe('谈话类型名称：请填写谈话类型名称');
    expect(e.issues).toEqual([{ field: 'label', message: '请填写谈话类型名称' }]);
  });

  it('refuses a label longer than its kind allows, quoting it', async () => {
    const t = await branchContext();
    const long = '钻'.repeat(21);
    const e = await failure(t.call('codeLists.save', { kind: 'posts', label: long }));
    expect(e.message).toContain(`岗位名称“${long}”超过 20 个字`);
    // Meeting places take up to 40 characters.
    await expect(t.call('codeLists.save', { kind: 'meetingPlaces', label: '地'.repeat(40) })).resolves.toMatchObject({ label: '地'.repeat(40) });
  });

  it.each([
    ['the same label', '司钻'],
    ['surrounding spaces, half and full width', ' 司钻　'],
    ['full-width letters against half-width', 'ＨＳＥ监督'],
    ['another letter case', 'hse监督'],
  ])('refuses a duplicate within the list: %s', async (_name, label) => {
    const t = await branchContext();
    await t.call('codeLists.save', { kind: 'posts', label: 'HSE监督' });
    const e = await failure(t.call('codeLists.save', { kind: 'posts', label }));
    expect(e.code).toBe('E_CONFLICT');
    expect(e.message).toMatch(label.trim() === '司钻' ? /^岗位中已有“司钻”$/ : /^岗位中已有“HSE监督”，“.+”与它视为相同/);
    expect(e.issues![0]!.field).toBe('label');
  });

  it('compares labels by NFKC, spaces and case', () => {
    expect(labelKey('　ＡＢ  司钻 ')).toBe(labelKey('ab 司钻'));
    expect(labelKey('司钻')).not.toBe(labelKey('副司钻'));
  });

  it('the same label may be in two lists, and an item may keep its own label when its note changes', async () => {
    const t = await branchContext();
    await expect(t.call('codeLists.save', { kind: 'absenceReasons', label: '家访' })).resolves.toMatchObject({ label: '家访' });
    const item = (await posts(t)).items.find((i) => i.label === '司钻')!;
    await expect(t.call('codeLists.save', { id: item.id, kind: 'posts', label: '司钻', note: '含司钻长' })).resolves.toMatchObject({ note: '含司钻长' });
  });

  it('renames an item, refusing a rename onto another item’s label and a move to another list', async () => {
    const t = await branchContext();
    const item = (await posts(t)).items.find((i) => i.label === '场地工')!;
    await expect(t.call('codeLists.save', { id: item.id, kind: 'posts', label: '场地工（兼）' })).resolves.toMatchObject({ label: '场地工（兼）' });
    expect((await failure(t.call('codeLists.save', { id: item.id, kind: 'posts', label: '泥浆工' }))).code).toBe('E_CONFLICT');
    expect((await failure(t.call('codeLists.save', { id: item.id, kind: 'talkKinds', label: '场地工' }))).message).toContain('不能改到“谈话类型”');
  });

  it('an unknown kind is refused by the contract', async () => {
    const t = await branchContext();
    const e = await failure(t.call('codeLists.options', { kind: 'salaries' as never }));
    expect(e.code).toBe('E_VALIDATION');
    expect(e.message).toMatch(/^字典：/);
  });
});

describe('order', () => {
  it('reorders a list in one go and logs only the items that moved', async () => {
    const t = await branchContext();
    const list = (await t.call('codeLists.list', { kind: 'talkKinds' }))[0]!;
    const ids = list.items.map((i) => i.id);
    const logBefore = (t.db.prepare("SELECT count(*) AS n FROM change_log WHERE action = 'update'").get() as { n: number }).n;
    const swapped = [ids[1]!, ids[0]!, ...ids.slice(2)];
    const after = await t.call('codeLists.reorder', { kind: 'talkKinds', ids: swapped });
    expect(after.items.map((i) => i.label)).toEqual(['提醒谈话', '谈心谈话', '思想引导谈话', '家访', '慰问']);
    expect(await t.call('codeLists.options', { kind: 'talkKinds' })).toEqual(['提醒谈话', '谈心谈话', '思想引导谈话', '家访', '慰问']);
    const logAfter = (t.db.prepare("SELECT count(*) AS n FROM change_log WHERE action = 'update'").get() as { n: number }).n;
    expect(logAfter - logBefore).toBe(2);
  });

  it('refuses an order that leaves an item out, names one twice or names another list’s item, changing nothing', async () => {
    const t = await branchContext();
    const ids = (await t.call('codeLists.list', { kind: 'talkKinds' }))[0]!.items.map((i) => i.id);
    const other = (await posts(t)).items[0]!.id;
    for (const bad of [ids.slice(1), [ids[0]!, ...ids], [other, ...ids.slice(1)], [...ids.slice(1), ids[0]!].map((id, i) => (i === 0 ? other : id))]) {
      const e = await failure(t.call('codeLists.reorder', { kind: 'talkKinds', ids: bad }));
      expect(e.code).toBe('E_CONFLICT');
      expect(e.message).toContain('谈话类型列表已在别处被修改');
    }
    expect((await t.call('codeLists.list', { kind: 'talkKinds' }))[0]!.items.map((i) => i.id)).toEqual(ids);
  });

  it('a reorder that fails half-way changes nothing (one transaction)', async () => {
    const t = await branchContext();
    const ids = (await t.call('codeLists.list', { kind: 'talkKinds' }))[0]!.items.map((i) => i.id);
    t.db.exec(`CREATE TRIGGER fail_late BEFORE UPDATE OF sort_order ON code_items WHEN NEW.sort_order = 4 BEGIN SELECT RAISE(ABORT, 'boom'); END`);
    await expect(t.call('codeLists.reorder', { kind: 'talkKinds', ids: [...ids].reverse() })).rejects.toThrow(/boom/);
    t.db.exec('DROP TRIGGER fail_late');
    expect((await t.call('codeLists.list', { kind: 'talkKinds' }))[0]!.items.map((i) => i.id)).toEqual(ids);
  });
});

describe('retiring, enabling and deleting', () => {
  it('a retired item stays in the list (and its label in the records) but leaves the pick list until enabled again', async () => {
    const t = await branchContext();
    const reason = (await t.call('codeLists.list', { kind: 'absenceReasons' }))[0]!.items.find((i) => i.label === '探亲')!;
    const retired = await t.call('codeLists.setInUse', { id: reason.id, inUse: false });
    expect(retired.inUse).toBe(false);
    const list = (await t.call('codeLists.list', { kind: 'absenceReasons' }))[0]!;
    expect(list.items.find((i) => i.id === reason.id)).toMatchObject({ label: '探亲', inUse: false });
    expect(await t.call('codeLists.options', { kind: 'absenceReasons' })).toEqual(['公差', '病假', '事假', '轮休', '外出培训', '其他']);
    // A retired label still counts as taken, and the message says it can be enabled.
    expect((await failure(t.call('codeLists.save', { kind: 'absenceReasons', label: '探亲' }))).message).toContain('已停用，可以重新启用');
    await t.call('codeLists.setInUse', { id: reason.id, inUse: true });
    expect(await t.call('codeLists.options', { kind: 'absenceReasons' })).toContain('探亲');
  });

  it('deletes to the trash, restores from it, and refuses to add again a label waiting there', async () => {
    const t = await branchContext();
    const item = (await posts(t)).items.find((i) => i.label === '炊事员')!;
    await t.call('codeLists.delete', { id: item.id });
    expect(await t.call('codeLists.options', { kind: 'posts' })).not.toContain('炊事员');
    const trash = await t.call('trash.list');
    expect(trash).toEqual([expect.objectContaining({ table: 'code_items', tableLabel: '字典', id: item.id, label: '岗位：炊事员' })]);
    const e = await failure(t.call('codeLists.save', { kind: 'posts', label: '炊事员' }));
    expect(e.message).toContain('在回收站中');
    await t.call('trash.restore', { table: 'code_items', id: item.id });
    expect(await t.call('codeLists.options', { kind: 'posts' })).toContain('炊事员');
    expect((await failure(t.call('codeLists.delete', { id: crypto.randomUUID() }))).code).toBe('E_NOT_FOUND');
  });
});

describe('demo data', () => {
  it('the demo capability adds and retires a few items, and seeding again adds nothing twice', async () => {
    const { codeListsDemoCapability: demo } = await import('../../../main/services/codeLists/demo');
    const t = await branchContext();
    const plan = { members: 0, seed: 1, today: '2026-11-25', workUnit: '' };
    const gen = demo.prepare(plan);
    let step = gen.next();
    while (!step.done) step = gen.next();
    const state = { branchId: (await t.call('branch.get'))!.id, branchCreated: false, members: [] };
    expect(demo.write(t.db, step.value, state, plan)).toEqual({ codeItemsAdded: 3, codeItemsRetired: 1 });
    expect((await t.call('codeLists.options', { kind: 'posts' })).slice(-2)).toEqual(['录井工', 'HSE监督']);
    expect(await t.call('codeLists.options', { kind: 'meetingPlaces' })).toEqual(['队部会议室', '营地活动室', '项目部会议室']);
    expect(demo.write(t.db, step.value, state, plan)).toEqual({ codeItemsAdded: 0, codeItemsRetired: 0 });
  });
});
