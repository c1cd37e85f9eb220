/**
 * The user's display preferences (which columns a list shows, …), kept in `preferences.json` beside the database.
 * The renderer's own storage (localStorage) is tied to its origin, and the browser host's origin changes with its
 * port on every `npm start`; main's folder is the same for the app, the browser host and every start.
 * No personal data: only choices of the screens. A missing or unreadable file is an empty set of preferences.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { PreferenceValue } from '../../../shared/contract/app';
import { PRIVATE_FILE_MODE } from '../../app/fileModes';

export const PREFERENCES_FILE = 'preferences.json';

export type Preferences = Record<string, PreferenceValue>;

const fileOf = (dataDir: string) => path.join(dataDir, PREFERENCES_FILE);

export function readPreferences(dataDir: string): Preferences {
  try {
    const v: unknown = JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8'));
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as Preferences) : {};
  } catch {
    return {};
  }
}

/** Sets one preference (null removes it); written to a temp file and renamed, so a crash leaves the old file whole. */
export function setPreference(dataDir: string, key: string, value: PreferenceValue): Preferences {
  const next = { ...readPreferences(dataDir) };
  if (value === null) delete next[key];
  else next[key] = value;
  const file = fileOf(dataDir);
  const temp = `${file}.${process.pid}.partial`;
  fs.writeFileSync(temp, JSON.stringify(next, null, 1), { mode: PRIVATE_FILE_MODE });
  fs.renameSync(temp, file);
  return next;
}
