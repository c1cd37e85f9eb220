/**
 * Fault injection for crash tests: where BRANCH_DESK_FAULT names a fault point, the process writes
 * the marker file BRANCH_DESK_FAULT_MARKER and then hangs (synchronously, so inside any open
 * transaction) until the test kills it. Without the variable it does nothing.
 */
import fs from 'node:fs';

export function faultPoint(name: string): void {
  if (process.env.BRANCH_DESK_FAULT !== name) return;
  if (process.env.BRANCH_DESK_FAULT_MARKER) fs.writeFileSync(process.env.BRANCH_DESK_FAULT_MARKER, name);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 120_000);
}
