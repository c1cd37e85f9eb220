/**
 * The trust model of hand-over packages (docs/security.md, “交接包的信任模型”):
 * - a package speaks only for the branch its manifest names. Every row it carries, every row it
 *   would overwrite here, every row it points to and every history entry must belong to that
 *   branch; one row of another branch refuses the whole package before anything is written;
 * - a package is signed; the first key seen for a branch is pinned, another key needs the user's
 *   explicit acceptance (logged), a successor takes the branch's key over;
 * - the revision history a package asserts counts only where this database exchanged that
 *   revision with the branch (received from it, or sent in its packages).
 */
import type { PackageTrust } from '../../../shared/contract/handover';
import { branchTable, tableSpec } from '../../db/registry';
import { all, first, nowIso, prepare, qb, run, type Sqlite } from '../../db/query';
import { localBranchId } from '../branch/branch';
import { PackageError } from './errors';
import type { ParsedPackage, StoredRow } from './format';
import { fingerprint, installationKeyPem, publicKeyOfPem, setInstallationKey, verifyManifest } from './keys';

function localBranchOf(db: Sqlite, table: string, id: string): string | undefined {
  return (prepare(db, `SELECT branch_id FROM ${table} WHERE id = ?`).get(id) as { branch_id: string } | undefined)?.branch_id;
}

/** Whether a package row belongs to `branchId`: its own branch, the local row it would replace, and the rows it points to. */
function rowOfBranch(db: Sqlite, table: string, row: StoredRow, branchId: string, packageRows: Map<string, Map<string, StoredRow>>): boolean {
  const spec = tableSpec(table)!;
  if (row.branch_id !== branchId || (spec.isBranch && row.id !== branchId)) return false;
  const local = localBranchOf(db, table, row.id);
  if (local !== undefined && local !== branchId) return false;
  for (const ref of spec.references ?? []) {
    const value = row[ref.column];
    if (value === null || value === undefined) continue;
    const target = packageRows.get(ref.table)?.get(String(value));
    const targetBranch = target ? target.branch_id : localBranchOf(db, ref.table, String(value));
    if (targetBranch !== undefined && targetBranch !== branchId) return false;
  }
  return true;
}

/** Refuses a package holding rows (or history) of any branch but the one its manifest names, naming each table and count. */
export function checkBranchScope(db: Sqlite, pkg: ParsedPackage): void {
  const branchId = pkg.manifest.branch.id;
  const packageRows = new Map([...pkg.tables].map(([table, rows]) => [table, new Map(rows.map((r) => [r.id, r]))]));
  const foreign: string[] = [];
  for (const [table, rows] of pkg.tables) {
    const count = rows.filter((row) => !rowOfBranch(db, table, row, branchId, packageRows)).length;
    if (count) foreign.push(`${tableSpec(table)!.label}表 ${count} 行`);
  }
  const strayHistory = pkg.changeLog.filter((h) => h.branch_id !== branchId || !packageRows.get(h.table_name)?.has(h.row_id)).length;
  if (strayHistory) foreign.push(`变更记录 ${strayHistory} 条`);
  if (foreign.length) {
    throw new PackageError(
      'other-branch',
      `交接包来自“${pkg.manifest.branch.name}”，但其中${foreign.join('、')}属于其他支部或不属于包内的记录，已拒绝整个交接包（一个交接包只能修改它所属支部的数据）`,
    );
  }
}

// ---- signatures and pinned keys ----

function ownPublicKey(db: Sqlite): string | null {
  const pem = installationKeyPem(db);
  return pem ? publicKeyOfPem(pem) : null;
}

function pinnedKey(db: Sqlite, branchId: string) {
  return first(db, qb.selectFrom('branch_keys').select(['public_key', 'fingerprint']).where('branch_id', '=', branchId));
}

function checkSignature(pkg: ParsedPackage, publicKey: string): void {
  const signature = Buffer.from(pkg.signature?.toString('utf8') ?? '', 'base64');
  if (!verifyManifest(publicKey, pkg.manifestBytes, signature)) {
    throw new PackageError('bad-signature', '交接包的签名无效：清单或数据在签名之后被改动过，已拒绝');
  }
  if (pkg.successorKey !== null && publicKeyOfPem(pkg.successorKey) !== publicKey) {
    throw new PackageError('bad-signature', '交接包附带的支部密钥与它的签名不符，已拒绝');
  }
}

/** A re-export's signing branch (a committee passing this branch's data on), or null when the package is signed by its own branch. */
function relayOf(pkg: ParsedPackage): { id: string; name: string } | null {
  const signerBranch = pkg.manifest.signer?.branch;
  return signerBranch && signerBranch.id !== pkg.manifest.branch.id ? signerBranch : null;
}

/** Whether this database already knows the branch: its own, a key pinned for it, or its rows taken in before. */
function knownBranch(db: Sqlite, branchId: string): boolean {
  return localBranchId(db) === branchId || !!pinnedKey(db, branchId) || localBranchOf(db, branchTable().name, branchId) !== undefined;
}

/** What the preview says about the branch's private key carried by a package exported 交给接任者. */
function keyNotice(pkg: ParsedPackage, becomesLocalBranch: boolean, takesOverKey: boolean): string {
  const name = pkg.manifest.branch.name;
  if (takesOverKey) {
    return '这是“交给接任者”的交接包，带有该支部的签名密钥：本机将接管这个密钥，以后导出的交接包上级党委照常认得，无需重新确认。';
  }
  if (pkg.successorKey !== null) {
    return `这个交接包是“交给接任者”的，带有“${name}”的签名密钥；本机${becomesLocalBranch ? '不接管未加密交接包中的密钥' : '已有自己的支部，不会接管'}，也不保存这个密钥。`;
  }
  if (becomesLocalBranch) {
    return '这个交接包不是“交给接任者”导出的，不带支部的签名密钥：本机将用自己的新密钥签名，上级党委第一次收到本机的交接包时需要核对并接受新密钥。如果您是接任的书记，可以请前任导出时选择“交给接任者”。';
  }
  return '';
}

/**
 * Who signed the package, as this database sees it; refuses a bad signature and an unsigned package where a key is expected.
 * The key is judged for the branch it belongs to: the package's own branch, or for a re-export the relaying branch.
 */
export function assessKey(db: Sqlite, pkg: ParsedPackage, becomesLocalBranch: boolean): PackageTrust {
  const { branch, signer } = pkg.manifest;
  const own = ownPublicKey(db);
  if (!signer) {
    const pinned = pinnedKey(db, branch.id);
    if (pinned || localBranchId(db) === branch.id) {
      const known = pinned?.fingerprint ?? (own ? fingerprint(own) : '');
      throw new PackageError(
        'unsigned',
        `这个交接包没有签名（可能由旧版本的支部工作台导出），而本机已记住“${branch.name}”的签名密钥（指纹 ${known}），为防冒充已拒绝。请对方升级程序后重新导出`,
      );
    }
    const notice = '未签名：这个交接包没有签名（由旧版本的支部工作台导出），无法确认它来自该支部。请与对方核实后再导入。';
    return { status: 'unsigned', fingerprint: null, pinnedFingerprint: null, carriesKey: false, takesOverKey: false, relayedBy: null, notice };
  }
  checkSignature(pkg, signer.publicKey);
  const relay = relayOf(pkg);
  const keyHolder = relay ?? branch;
  const pinned = pinnedKey(db, keyHolder.id);
  const fp = fingerprint(signer.publicKey);
  // A re-export never hands a key over: only the branch's own installation exports 交给接任者.
  const takesOverKey = !relay && becomesLocalBranch && pkg.encrypted && pkg.successorKey !== null;
  const notices: string[] = [];
  let status: PackageTrust['status'];
  let pinnedFingerprint: string | null = null;
  if (signer.publicKey === own) status = 'own';
  else if (pinned?.public_key === signer.publicKey) status = 'pinned';
  else if (!pinned && localBranchId(db) !== keyHolder.id && !(relay && knownBranch(db, branch.id))) {
    status = 'new';
    notices.push(
      relay
        ? `首次收到由“${relay.name}”转来的交接包（“${branch.name}”的数据）：将记住“${relay.name}”的签名密钥（指纹 ${fp}）。如有疑问，请打电话与对方核对这个指纹。`
        : `首次收到“${branch.name}”的交接包：将记住它的签名密钥（指纹 ${fp}）。如有疑问，请打电话与对方核对这个指纹。`,
    );
  } else {
    status = 'changed';
    pinnedFingerprint = pinned?.fingerprint ?? (localBranchId(db) === keyHolder.id && own ? fingerprint(own) : null);
    notices.push(
      relay && !pinned
        ? `这个交接包由“${relay.name}”转来，用“${relay.name}”的签名密钥（指纹 ${fp}）签名，本机还不认识这个密钥，而“${branch.name}”的数据本机已有：请打电话与“${relay.name}”核对指纹，确认无误并选择接受新密钥后才能导入（本机将记住它）。`
        : `签名密钥与本机记住的${relay ? `“${relay.name}”的密钥` : ''}不同（原指纹 ${pinnedFingerprint}，现指纹 ${fp}）：可能是对方重装了程序，也可能是他人冒充。请打电话与对方核对新指纹，确认无误并选择接受新密钥后才能导入。`,
    );
  }
  if (relay && status !== 'new' && status !== 'changed') notices.push(`这个交接包由“${relay.name}”转来（“${branch.name}”的数据），签名是“${relay.name}”的。`);
  const keyText = keyNotice(pkg, becomesLocalBranch, takesOverKey);
  if (keyText) notices.push(keyText);
  return { status, fingerprint: fp, pinnedFingerprint, carriesKey: pkg.successorKey !== null, takesOverKey, relayedBy: relay, notice: notices.join('') };
}

/** A package signed by another key than the pinned one is imported only when the user has accepted it. */
export function requireKeyAccepted(trust: PackageTrust, branchName: string, acceptNewKey: boolean): void {
  if (trust.status === 'changed' && !acceptNewKey) {
    const whose = trust.relayedBy ? `由“${trust.relayedBy.name}”转来的“${branchName}”交接包` : `“${branchName}”的交接包`;
    const was = trust.pinnedFingerprint ? `原指纹 ${trust.pinnedFingerprint}，` : '本机还不认识这个密钥，';
    throw new PackageError(
      'key-changed',
      `${whose}换了签名密钥（${was}现指纹 ${trust.fingerprint}），未导入。请打电话与对方核对新指纹；确认无误后在导入时选择“接受新密钥”（命令行加 --accept-new-key）`,
    );
  }
}

/** Logged under the branch whose key it is: the package's branch, or for a re-export the relaying branch. */
function logKeyEvent(db: Sqlite, pkg: ParsedPackage, event: string, fp: string, previous: string | null): void {
  const m = pkg.manifest;
  const holder = relayOf(pkg) ?? m.branch;
  run(
    db,
    qb.insertInto('branch_key_log').values({
      branch_id: holder.id, branch_name: holder.name, event, fingerprint: fp, previous_fingerprint: previous, package_id: m.packageId, at: nowIso(),
    }),
  );
}

/** Key decisions of an import, in its transaction: pin a new key, record an accepted one, take over the branch's key. */
export function recordKeyDecisions(db: Sqlite, pkg: ParsedPackage, trust: PackageTrust): string[] {
  const signer = pkg.manifest.signer;
  const events: string[] = [];
  if (!signer || !trust.fingerprint) return events;
  if (trust.status === 'new' || trust.status === 'changed') {
    const pin = { public_key: signer.publicKey, fingerprint: trust.fingerprint, pinned_at: nowIso() };
    const holder = relayOf(pkg) ?? pkg.manifest.branch;
    run(db, qb.insertInto('branch_keys').values({ branch_id: holder.id, ...pin }).onConflict((oc) => oc.column('branch_id').doUpdateSet(pin)));
    const event = trust.status === 'new' ? 'pinned' : 'accepted-new-key';
    logKeyEvent(db, pkg, event, trust.fingerprint, trust.pinnedFingerprint);
    events.push(event);
  }
  if (trust.takesOverKey && pkg.successorKey) {
    const previous = ownPublicKey(db);
    setInstallationKey(db, pkg.successorKey);
    logKeyEvent(db, pkg, 'taken-over', trust.fingerprint, previous ? fingerprint(previous) : null);
    events.push('taken-over');
  }
  return events;
}

export interface KeyLogEntry {
  branchId: string;
  branchName: string;
  event: 'pinned' | 'accepted-new-key' | 'taken-over';
  fingerprint: string;
  previousFingerprint: string | null;
  packageId: string;
  at: string;
}

export function keyLog(db: Sqlite): KeyLogEntry[] {
  return all(db, qb.selectFrom('branch_key_log').selectAll().orderBy('id')).map((r) => ({
    branchId: r.branch_id,
    branchName: r.branch_name,
    event: r.event as KeyLogEntry['event'],
    fingerprint: r.fingerprint,
    previousFingerprint: r.previous_fingerprint,
    packageId: r.package_id,
    at: r.at,
  }));
}

// ---- what this database exchanged with each branch ----

export interface SentRow {
  table: string;
  id: string;
  rev: string;
}

function upsertRev(db: Sqlite, column: 'received_rev' | 'sent_rev') {
  const stmt = prepare(
    db,
    `INSERT INTO handover_revs (table_name, row_id, branch_id, ${column}) VALUES (?, ?, ?, ?) ON CONFLICT (table_name, row_id, branch_id) DO UPDATE SET ${column} = excluded.${column} WHERE ${column} IS NOT excluded.${column}`,
  );
  return (branchId: string, table: string, id: string, rev: string) => stmt.run(table, id, branchId, rev);
}

/** The revision of every row a package of `branchId` carried out of this database (in the export's log transaction). */
export function recordSent(db: Sqlite, branchId: string, rows: SentRow[]): void {
  const write = upsertRev(db, 'sent_rev');
  for (const r of rows) write(branchId, r.table, r.id, r.rev);
}

/** The revision of every row received from the package's branch, in the import's transaction. */
export function recordReceived(db: Sqlite, pkg: ParsedPackage): void {
  const write = upsertRev(db, 'received_rev');
  for (const [table, rows] of pkg.tables) for (const row of rows) write(pkg.manifest.branch.id, table, row.id, row.rev);
}

/**
 * Whether the package may claim to descend from the local revision of a row: always for a package
 * this installation signed (this database or a copy of it knows its own history); otherwise only
 * when this database received that revision from the branch, sent it in one of its packages, or
 * the row still has the revision it was created with here (no local edit to lose; defaults filled
 * with derived revisions on both sides are such rows).
 */
export function vouchedRevisions(db: Sqlite, pkg: ParsedPackage, trust: PackageTrust): (table: string, id: string, rev: string) => boolean {
  if (trust.status === 'own') return () => true;
  const exchanged = prepare(db, 'SELECT 1 FROM handover_revs WHERE table_name = ? AND row_id = ? AND branch_id = ? AND (received_rev = ? OR sent_rev = ?)');
  const created = prepare(db, "SELECT 1 FROM change_log WHERE table_name = ? AND row_id = ? AND rev = ? AND action = 'insert'");
  const branchId = pkg.manifest.branch.id;
  return (table, id, rev) => !!exchanged.get(table, id, branchId, rev, rev) || !!created.get(table, id, rev);
}
