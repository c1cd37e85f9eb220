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
import { tableSpec } from '../../db/registry';
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

/** Who signed the package, as this database sees it; refuses a bad signature and an unsigned package where a key is expected. */
export function assessKey(db: Sqlite, pkg: ParsedPackage, becomesLocalBranch: boolean): PackageTrust {
  const { branch, signer } = pkg.manifest;
  const pinned = pinnedKey(db, branch.id);
  const own = ownPublicKey(db);
  const isLocal = localBranchId(db) === branch.id;
  if (!signer) {
    if (pinned || isLocal) {
      const known = pinned?.fingerprint ?? (own ? fingerprint(own) : '');
      throw new PackageError(
        'unsigned',
        `这个交接包没有签名（可能由旧版本的支部工作台导出），而本机已记住“${branch.name}”的签名密钥（指纹 ${known}），为防冒充已拒绝。请对方升级程序后重新导出`,
      );
    }
    const notice = '未签名：这个交接包没有签名（由旧版本的支部工作台导出），无法确认它来自该支部。请与对方核实后再导入。';
    return { status: 'unsigned', fingerprint: null, pinnedFingerprint: null, takesOverKey: false, notice };
  }
  checkSignature(pkg, signer.publicKey);
  const fp = fingerprint(signer.publicKey);
  const takesOverKey = becomesLocalBranch && pkg.encrypted && pkg.successorKey !== null;
  const notices: string[] = [];
  let status: PackageTrust['status'];
  let pinnedFingerprint: string | null = null;
  if (signer.publicKey === own) status = 'own';
  else if (pinned?.public_key === signer.publicKey) status = 'pinned';
  else if (!pinned && !isLocal) {
    status = 'new';
    notices.push(`首次收到“${branch.name}”的交接包：将记住它的签名密钥（指纹 ${fp}）。如有疑问，请打电话与对方核对这个指纹。`);
  } else {
    status = 'changed';
    pinnedFingerprint = pinned?.fingerprint ?? (own ? fingerprint(own) : null);
    notices.push(
      `签名密钥与本机记住的不同（原指纹 ${pinnedFingerprint}，现指纹 ${fp}）：可能是对方重装了程序，也可能是他人冒充。请打电话与对方核对新指纹，确认无误并选择接受新密钥后才能导入。`,
    );
  }
  if (takesOverKey) notices.push('本机将接管该支部的签名密钥，上级党委会认出本机以后的交接包。');
  else if (becomesLocalBranch) {
    notices.push('交接包未加密，不带支部的签名密钥：本机将用自己的新密钥签名，上级党委第一次收到本机的交接包时需要确认新密钥。');
  }
  return { status, fingerprint: fp, pinnedFingerprint, takesOverKey, notice: notices.join('') };
}

/** A package signed by another key than the pinned one is imported only when the user has accepted it. */
export function requireKeyAccepted(trust: PackageTrust, branchName: string, acceptNewKey: boolean): void {
  if (trust.status === 'changed' && !acceptNewKey) {
    throw new PackageError(
      'key-changed',
      `“${branchName}”的交接包换了签名密钥（原指纹 ${trust.pinnedFingerprint}，现指纹 ${trust.fingerprint}），未导入。请打电话与对方核对新指纹；确认无误后在导入时选择“接受新密钥”（命令行加 --accept-new-key）`,
    );
  }
}

function logKeyEvent(db: Sqlite, pkg: ParsedPackage, event: string, fp: string, previous: string | null): void {
  const m = pkg.manifest;
  run(
    db,
    qb.insertInto('branch_key_log').values({
      branch_id: m.branch.id, branch_name: m.branch.name, event, fingerprint: fp, previous_fingerprint: previous, package_id: m.packageId, at: nowIso(),
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
    run(db, qb.insertInto('branch_keys').values({ branch_id: pkg.manifest.branch.id, ...pin }).onConflict((oc) => oc.column('branch_id').doUpdateSet(pin)));
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
