import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { acquireInstanceLock } from '../../../main/app/instanceLock';
import { tempDir, foldersRemovedAfterEach } from '../../helpers/context';

const dirs = foldersRemovedAfterEach();

describe('one app instance per database', () => {
  it('refuses a second holder while the first process lives, with a clear message', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = path.join(dir, 'db.sqlite');
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 20000)']);
    fs.writeFileSync(`${db}.lock`, String(other.pid));
    try {
      expect(() => acquireInstanceLock(db)).toThrow(/已经在运行/);
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a process that no longer runs, and releases it', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const db = path.join(dir, 'db.sqlite');
    const gone = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => gone.on('exit', r));
    fs.writeFileSync(`${db}.lock`, String(gone.pid));
    const release = acquireInstanceLock(db);
    expect(fs.readFileSync(`${db}.lock`, 'utf8')).toBe(String(process.pid));
    release();
    expect(fs.existsSync(`${db}.lock`)).toBe(false);
  });
});
