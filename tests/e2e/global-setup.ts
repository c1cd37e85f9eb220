/** Builds the renderer once, so every per-test host starts without building. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(path.join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  fs.mkdirSync(path.join(root, 'tests/output/screenshots'), { recursive: true });
}
