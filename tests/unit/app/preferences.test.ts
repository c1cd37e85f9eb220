/** Display preferences kept by main beside the database: they outlive the context (a restart), and bad input is refused. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeContext, createContext } from '../../../main/app/context';
import { PREFERENCES_FILE, readPreferences } from '../../../main/services/app/preferences';
import { testContext, trackContexts } from '../../helpers/context';

const track = trackContexts();

describe('display preferences', () => {
  it('keeps a choice in preferences.json beside the database, for the next start', async () => {
    const t = track(await testContext());
    expect(await t.call('app.preferences')).toEqual({});
    await t.call('app.setPreference', { key: 'branch-desk-table-columns:roster', value: ['idNumber', 'post'] });
    await t.call('app.setPreference', { key: 'branch-desk-menu-closed', value: ['group:system'] });
    const file = path.join(t.dir, PREFERENCES_FILE);
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    // Another context on the same database (a restart) reads the same choices.
    const again = await createContext({ db: path.join(t.dir, 'test.sqlite') });
    try {
      expect(readPreferences(again.dataDir)).toEqual({ 'branch-desk-table-columns:roster': ['idNumber', 'post'], 'branch-desk-menu-closed': ['group:system'] });
    } finally {
      closeContext(again);
    }
    // null forgets a choice.
    expect(await t.call('app.setPreference', { key: 'branch-desk-menu-closed', value: null })).toEqual({ 'branch-desk-table-columns:roster': ['idNumber', 'post'] });
  });

  it('reads a damaged file as no preferences, and refuses a bad key', async () => {
    const t = track(await testContext());
    fs.writeFileSync(path.join(t.dir, PREFERENCES_FILE), '{not json');
    expect(await t.call('app.preferences')).toEqual({});
    await expect(t.call('app.setPreference', { key: '../x y', value: 'a' })).rejects.toThrow(/设置名称/);
    await t.call('app.setPreference', { key: 'a', value: true });
    expect(await t.call('app.preferences')).toEqual({ a: true });
  });
});
