/** A committee's database: facts of a branch taken in from a hand-over package, with filters naming that branch. */
import { describe, expect, it } from 'vitest';
import { factQuerySchema } from '../../../shared/contract/facts';
import { memberSearchSchema } from '../../../shared/contract/operations';
import { getFact } from '../../../main/services/facts/service';
import { searchMembers } from '../../../main/services/roster/members';
import { committee } from '../../helpers/committee';
import { trackContexts, type TestContext } from '../../helpers/context';
import './fixture';

const track = trackContexts();

describe('facts of an imported branch', () => {
  it('counts that branch only, and its filter names the branch so the roster shows exactly its members', async () => {
    const { c, local, bing } = await committee(track);
    const of = (branchId?: string) => getFact(c.db, factQuerySchema.parse({ key: 'roster.members.total', branchId })).data;
    const bingTotal = of(bing);
    expect(bingTotal.kind === 'figure' && bingTotal.value).toBe(3);
    expect(bingTotal.kind === 'figure' && bingTotal.source.filter).toEqual({ status: 'active', branchId: bing });
    const found = searchMembers(c.db, memberSearchSchema.parse({ ...(bingTotal.kind === 'figure' ? bingTotal.source.filter : {}) }));
    expect(found.rows.map((r) => r.name).sort()).toEqual(['杨丽', '赵军', '陈强'].sort());
    const own = of();
    expect(own.kind === 'figure' && [own.value, own.source.filter]).toEqual([1, { status: 'active' }]);
    expect(getFact(c.db, factQuerySchema.parse({ key: 'roster.members.total', branchId: local })).fingerprint).toBe(
      getFact(c.db, factQuerySchema.parse({ key: 'roster.members.total' })).fingerprint,
    );
  });
});
