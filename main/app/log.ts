/** A small rotating log file in the data folder: logs/branch-desk.log, rotated at 1 MB, 5 kept. No personal data is logged. */
import fs from 'node:fs';
import path from 'node:path';
import { ensurePrivateDir, PRIVATE_FILE_MODE } from './fileModes';

export interface Logger {
  info(message: string): void;
  error(message: string, error?: unknown): void;
  readonly file: string;
}

const MAX_BYTES = 1024 * 1024;
const KEEP = 5;

export function createLogger(dataDir: string, name = 'branch-desk'): Logger {
  const dir = path.join(dataDir, 'logs');
  const file = path.join(dir, `${name}.log`);
  const write = (level: string, message: string) => {
    try {
      ensurePrivateDir(dir);
      if (fs.existsSync(file) && fs.statSync(file).size > MAX_BYTES) rotate(file);
      fs.appendFileSync(file, `${new Date().toISOString()} ${level} ${message}\n`, { mode: PRIVATE_FILE_MODE });
    } catch {
      // Logging must never break the app.
    }
  };
  return {
    file,
    info: (m) => write('INFO', m),
    error: (m, e) => write('ERROR', e ? `${m}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}` : m),
  };
}

function rotate(file: string): void {
  for (let i = KEEP - 1; i >= 1; i--) {
    const from = `${file}.${i}`;
    if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
  }
  fs.renameSync(file, `${file}.1`);
  if (fs.existsSync(`${file}.${KEEP + 1}`)) fs.rmSync(`${file}.${KEEP + 1}`);
}
