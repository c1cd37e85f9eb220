/** A roster of 10,000 through the CLI: seed, list, search, check. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { localToday } from '../../../shared/domain/dates';
import { ACTIVE_STATUSES } from '../../../shared/domain/member';
import { memberSearchText } from '../../../shared/domain/pinyin';
import { generateDemoMembers } from '../../../main/services/demo/members';
import { runCli } from '../../helpers/cli';
import { tempDir } from '../../helpers/context';

const dir = tempDir('branch-desk-cli-large-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a large roster through the CLI', () => {
  it('seeds 10,000 members, lists every one of them, finds them by name and ID fragment, and checks clean', () => {
    const file = path.join(dir, 'large.sqlite');
    const seed = runCli(['seed-demo', '--members', '10000', '--seed', '11', '--db', file, '--json'], dir);
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.json()).toMatchObject({ members: 10000, groups: 30, branchCreated: true });

    const expected = generateDemoMembers(10000, 11, localToday()).filter((m) => ACTIVE_STATUSES.includes(m.status!));
    const sample = expected[4321]!;
    for (const query of [sample.name.slice(0, 2), sample.idNumber.slice(8, 14)]) {
      const want = expected.filter((m) => memberSearchText(m.name, m.idNumber).includes(query.toLowerCase()));
      const found = runCli(['member', 'list', '--search', query, '--db', file, '--json'], dir).json<{ idNumber: string }[]>();
      expect(found.map((m) => m.idNumber).sort()).toEqual(want.map((m) => m.idNumber).sort());
    }

    // Every matching member, not a page (the roster search pages by 200, at most 1000).
    const listed = runCli(['member', 'list', '--db', file, '--json'], dir).json<{ idNumber: string }[]>();
    expect(listed.map((m) => m.idNumber).sort()).toEqual(expected.map((m) => m.idNumber).sort());
    const all = runCli(['member', 'list', '--all', '--db', file, '--json'], dir).json<unknown[]>();
    expect(all).toHaveLength(10000);

    const check = runCli(['check', '--db', file, '--json'], dir);
    expect(check.code).toBe(0);
    expect(check.json()).toMatchObject({ ok: true, integrity: 'ok' });
  }, 180_000);
});
