/** `backup create|list|verify|restore`: the backups folder beside the database. */
import fs from 'node:fs';
import { AppError } from '../../../shared/contract/errors';
import { closeContext, createContext } from '../../app/context';
import { checkDatabaseFile, recoverFromBackup } from '../../app/startup';
import { findBackup, listBackups, makeBackup, restoreBackup, verifyBackup, type BackupInfo } from '../../services/backup/backups';
import type { CliCommand } from '../../cli/command';
import { formatTable } from '../../cli/output';

const sizeText = (bytes: number) => (bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`);

export const backupCreateCommand: CliCommand = {
  path: ['backup', 'create'],
  summary: '立即备份数据（SQLite 在线备份，并做完整性检查）',
  usage: '',
  options: {},
  database: 'existing',
  async run({ ctx }) {
    const b = await makeBackup(ctx!.db, ctx!.databasePath, 'manual');
    return { data: b, text: `已备份：${b.path}（${sizeText(b.size)}）` };
  },
};

export const backupListCommand: CliCommand = {
  path: ['backup', 'list'],
  summary: '列出备份（最新的在前）',
  usage: '',
  options: {},
  database: 'none',
  run({ databasePath }) {
    const list = listBackups(databasePath);
    const rows = list.map((b) => [b.name, b.createdAt.replace('T', ' ').slice(0, 19), b.reasonLabel, sizeText(b.size)]);
    return { data: list, text: list.length ? formatTable(['备份', '时间', '类型', '大小'], rows) : '还没有备份。' };
  },
};

export const backupVerifyCommand: CliCommand<BackupInfo> = {
  path: ['backup', 'verify'],
  summary: '检查一个备份能否用于恢复（完整性检查）',
  usage: 'NAME',
  options: {},
  positionals: ['NAME'],
  database: 'none',
  prepare({ args, databasePath }) {
    return findBackup(databasePath, args[0]!);
  },
  run({ options: backup }) {
    const result = verifyBackup(backup.path);
    return { data: result, text: result.ok ? '备份完好，可以用来恢复。' : `备份有问题：${result.integrity}`, exitCode: result.ok ? 0 : 1 };
  },
};

export const backupRestoreCommand: CliCommand<BackupInfo> = {
  path: ['backup', 'restore'],
  summary: '用一个备份恢复数据：先备份当前数据（可撤销）；数据库已损坏时，损坏的文件改名保留',
  usage: 'NAME',
  options: {},
  positionals: ['NAME'],
  database: 'file',
  /** The backup must exist and pass its check before anything is saved, moved or created. */
  prepare({ args, databasePath }) {
    const backup = findBackup(databasePath, args[0]!);
    const check = verifyBackup(backup.path);
    if (!check.ok) throw new AppError('E_DB_CORRUPT', `备份“${backup.name}”未通过完整性检查（${check.integrity}），不能用来恢复`);
    return backup;
  },
  async run({ options: backup, databasePath }) {
    const name = backup.name;
    if (!fs.existsSync(databasePath)) {
      // Nothing to keep: the backup is put in place, rather than an empty database made and backed up first.
      recoverFromBackup(databasePath, name);
      return { data: { restored: backup, damagedCopy: null }, text: `已用“${name}”恢复（原数据文件不存在）：${databasePath}` };
    }
    try {
      checkDatabaseFile(databasePath);
    } catch (e) {
      if (!(e instanceof AppError) || e.code !== 'E_DB_CORRUPT') throw e;
      const { damagedCopy } = recoverFromBackup(databasePath, name);
      return { data: { restored: findBackup(databasePath, name), damagedCopy }, text: `已用“${name}”恢复。损坏的数据文件保留为：${damagedCopy}` };
    }
    const ctx = await createContext({ db: databasePath });
    try {
      const r = await restoreBackup(ctx.db, databasePath, name);
      return { data: r, text: `已用“${r.restored.name}”恢复。恢复前的数据已备份为“${r.undo.name}”，如需撤销可再用它恢复。` };
    } finally {
      closeContext(ctx);
    }
  },
};
