/** A committee database holding its own branch and two branches taken in from hand-over packages. */
import { importHandover } from '../../main/services/handover/handover';
import { idCheckChar } from '../../shared/domain/idNumber';
import { sampleMember, testContext, type TestContext } from './context';
import { packageOf } from './handover';

/** A valid ID number born on 1980-01-<day>, female (even sequence). */
export function committeeIdNumber(day: number, seq = 2): string {
  const first17 = `110105198001${String(day).padStart(2, '0')}00${seq}`;
  return first17 + idCheckChar(first17);
}

/** A full member born on 1980-01-<day>. */
export function person(name: string, day: number) {
  return sampleMember({ name, idNumber: committeeIdNumber(day), birthDate: `1980-01-${String(day).padStart(2, '0')}`, joinDate: '2005-07-01', fullDate: '2006-07-01' });
}

/** A branch in its own database, with members; returned as a package for the committee. */
async function branchPackage(track: (t: TestContext) => TestContext, name: string, members: [string, number][]): Promise<Buffer> {
  const t = track(await testContext());
  await t.call('branch.save', { name });
  for (const [n, day] of members) await t.call('members.create', person(n, day));
  return packageOf(t);
}

/** The committee's own branch (甲, 王建国) plus two imported ones (乙 with 张伟 and 刘芳, 丙 with 3). `track` closes contexts after the test. */
export async function committee(track: (t: TestContext) => TestContext) {
  const c = track(await testContext());
  await c.call('branch.save', { name: '中共甲钻井队支部委员会' });
  await c.call('members.create', person('王建国', 1));
  await importHandover(c, await branchPackage(track, '中共丙钻井队支部委员会', [['陈强', 11], ['杨丽', 12], ['赵军', 13]]), {});
  await importHandover(c, await branchPackage(track, '中共乙钻井队支部委员会', [['张伟', 21], ['刘芳', 22]]), {});
  const branches = await c.call('branches.list');
  const byName = (n: string) => branches.find((b) => b.name === n)!.id;
  return { c, local: byName('中共甲钻井队支部委员会'), yi: byName('中共乙钻井队支部委员会'), bing: byName('中共丙钻井队支部委员会') };
}
