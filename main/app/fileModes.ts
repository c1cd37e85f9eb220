/**
 * Files the app writes hold personal data: on Linux and macOS they are the user's alone (0600,
 * folders 0700). On Windows the user's profile already protects them and modes mean little.
 * The entry points (Electron main, the loopback host, the CLI) also set the umask, so files made
 * by libraries (SQLite's WAL, Electron's downloads, ExcelJS) are private too; the explicit modes
 * below keep them private wherever the code runs (tests, a library caller) and fix older files.
 */
import fs from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;
const POSIX = process.platform !== 'win32';

/** For the entry points: everything the process creates from now on is readable only by the user. */
export function restrictUmask(): void {
  if (POSIX) process.umask(0o077);
}

/** A folder only the app uses (backups/, logs/): created 0700, and an existing one set to 0700. */
export function ensurePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (POSIX) fs.chmodSync(dir, PRIVATE_DIR_MODE);
}

/** A folder that may be the user's own (where an export goes): only folders created here are 0700. */
export function ensureDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/** Sets an existing file of the app's to 0600 (files written by older versions were 0644). */
export function makePrivate(file: string): void {
  if (POSIX && fs.existsSync(file)) fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/**
 * The database file and its WAL/SHM: an absent database is created empty with 0600 before SQLite
 * opens it, since SQLite gives the WAL and SHM the database file's mode.
 */
export function prepareDatabaseFile(file: string): void {
  if (!fs.existsSync(file)) fs.closeSync(fs.openSync(file, 'a', PRIVATE_FILE_MODE));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) makePrivate(f);
}
