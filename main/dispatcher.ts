/**
 * The dispatcher: contract operation -> service call. The only thing a transport calls.
 * Every input is validated here against the contract before any service sees it.
 */
import { AppError, type Result } from '../shared/contract/errors';
import { contract, isOperationName, type OperationName, type OperationOutput, type ParsedInput } from '../shared/contract/operations';
import { zodProblems } from '../shared/contract/validate';
import { BRANCH_FIELD_LABELS } from '../shared/domain/branch';
import { MEMBER_FIELD_LABELS } from '../shared/domain/member';
import { EVENT_FIELD_LABELS } from '../shared/domain/memberEvents';
import { validationError } from '../shared/contract/errors';
import type { AppContext } from './app/context';
import { schemaVersion } from './db/migrations';
import { getLocalBranch, listBranches, resolveBranchId, saveBranch } from './services/branch/branch';
import { compareBranches } from './services/branch/compare';
import { findBackup, listBackups, makeBackup, restoreBackup, verifyBackup } from './services/backup/backups';
import { exportHandoverData, handoverHistory, importStaged, stagePackage } from './services/handover/handover';
import { exportDiagnostics } from './services/diagnostics/diagnostics';
import { startDemoSeed } from './services/demo/seed';
import { deleteGroup, listGroups, saveGroup } from './services/roster/groups';
import {
  createMember,
  deleteMember,
  getMember,
  memberHistory,
  searchMembers,
  updateMember,
} from './services/roster/members';
import { listTrash, restoreFromTrash } from './services/trash/trash';
import {
  applySheet,
  exportRosterSheet,
  exportRosterWord,
  exportStatisticsWord,
  previewSheet,
  rosterOverview,
} from './services/rosterFiles/rosterFiles';
import { memberEvents, recordMemberEvent, transferIn } from './services/roster/status';
import { PIPELINE_FIELD_LABELS } from '../shared/domain/pipeline';
import { createApplicant, deleteApplicant, terminateApplicant, updateApplicant } from './services/pipeline/applicants';
import { pipelineBoard } from './services/pipeline/board';
import { getApplicant } from './services/pipeline/records';
import { recordStep, undoStep } from './services/pipeline/steps';

type Handlers = {
  [N in OperationName]: (ctx: AppContext, input: ParsedInput<N>) => OperationOutput<N> | Promise<OperationOutput<N>>;
};

export const handlers: Handlers = {
  'app.info': (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    dataDir: ctx.dataDir,
    databasePath: ctx.databasePath,
    hasBranch: getLocalBranch(ctx.db) !== null,
  }),
  'app.exportDiagnostics': (ctx) => exportDiagnostics(ctx),

  'branch.get': (ctx) => getLocalBranch(ctx.db),
  'branch.save': (ctx, input) => saveBranch(ctx.db, input),

  'groups.list': (ctx, input) => listGroups(ctx.db, resolveBranchId(ctx.db, input.branchId, 'branchId', '支部')),
  'groups.save': (ctx, input) => saveGroup(ctx.db, input),
  'groups.delete': (ctx, input) => deleteGroup(ctx.db, input.id),

  'members.search': (ctx, input) => searchMembers(ctx.db, input),
  'members.get': (ctx, input) => getMember(ctx.db, input.id),
  'members.create': (ctx, { branchId, ...fields }) => createMember(ctx.db, fields, undefined, branchId),
  'members.update': (ctx, input) => updateMember(ctx.db, input.id, input.fields, input.expectedUpdatedAt),
  'members.delete': (ctx, input) => deleteMember(ctx.db, input.id),
  'members.history': (ctx, input) => memberHistory(ctx.db, input.id),
  'members.events': (ctx, input) => memberEvents(ctx.db, input.id),
  'members.recordEvent': (ctx, input) => recordMemberEvent(ctx.db, input.memberId, input.event),
  'members.transferIn': (ctx, input) => transferIn(ctx.db, input.fields, input.transfer, undefined, input.branchId),

  'trash.list': (ctx) => listTrash(ctx.db),
  'trash.restore': (ctx, input) => restoreFromTrash(ctx.db, input.table, input.id),

  'roster.importPreview': (ctx, input) => previewSheet(ctx, input),
  'roster.importApply': (ctx, input) => applySheet(ctx, input),
  'roster.exportXlsx': (ctx, input) => exportRosterSheet(ctx, input.filter, input.columns),
  'roster.exportDocx': (ctx, input) => exportRosterWord(ctx, input.filter, input),
  'overview.get': (ctx) => rosterOverview(ctx),
  'overview.exportStatistics': (ctx) => exportStatisticsWord(ctx),

  'branches.list': (ctx) => listBranches(ctx.db),
  'branches.compare': (ctx) => compareBranches(ctx.db),

  'handover.export': (ctx, input) => exportHandoverData(ctx, input),
  'handover.preview': (ctx, input) => stagePackage(ctx, Buffer.from(input.data, 'base64'), input.fileName, input.password),
  'handover.import': (ctx, input) => importStaged(ctx, input.stagingId, input.password, { all: input.all, byKey: input.byKey }),
  'handover.history': (ctx) => handoverHistory(ctx),

  'recovery.restore': () => {
    throw new AppError('E_CONFLICT', '数据库完好，无需从备份恢复。要换用某个备份，请到“备份与恢复”。');
  },
  'backup.list': (ctx) => listBackups(ctx.databasePath),
  'backup.create': (ctx) => makeBackup(ctx.db, ctx.databasePath, 'manual'),
  'backup.verify': (ctx, input) => verifyBackup(findBackup(ctx.databasePath, input.name).path),
  'backup.restore': (ctx, input) => restoreBackup(ctx.db, ctx.databasePath, input.name),

  'demo.seed': (ctx, input) => startDemoSeed(ctx, input),
  'jobs.get': (ctx, input) => ctx.jobs.get(input.id),

  'pipeline.board': (ctx, input) => pipelineBoard(ctx.db, input),
  'pipeline.get': (ctx, input) => getApplicant(ctx.db, input.id),
  'pipeline.create': (ctx, input) => createApplicant(ctx.db, input),
  'pipeline.update': (ctx, input) =>
    updateApplicant(ctx.db, input.id, input.fields, { applicationDate: input.applicationDate, expectedUpdatedAt: input.expectedUpdatedAt }),
  'pipeline.recordStep': (ctx, { id, ...step }) => recordStep(ctx.db, id, step),
  'pipeline.undoStep': (ctx, input) => undoStep(ctx.db, input.id),
  'pipeline.terminate': (ctx, { id, ...input }) => terminateApplicant(ctx.db, id, input),
  'pipeline.delete': (ctx, input) => deleteApplicant(ctx.db, input.id),
};

const GROUP_FIELD_LABELS = { name: '党小组名称', leaderMemberId: '组长', sortOrder: '排序', branchId: '支部' };
const ROSTER_FILE_LABELS = { branchId: '导入到支部', data: '文件', mapping: '列对应', headerRow: '表头行' };
const HANDOVER_FIELD_LABELS = {
  branchId: '支部',
  from: '起始日期',
  to: '结束日期',
  tables: '导出的数据',
  createdBy: '交接人',
  password: '密码',
};

/** Chinese field names for messages about an operation's input. */
function labelsFor(name: OperationName): Record<string, string> {
  if (name.startsWith('branch.')) return BRANCH_FIELD_LABELS;
  if (name.startsWith('groups.')) return GROUP_FIELD_LABELS;
  if (name === 'members.recordEvent') return EVENT_FIELD_LABELS;
  if (name === 'members.transferIn') return { ...EVENT_FIELD_LABELS, ...MEMBER_FIELD_LABELS };
  if (name.startsWith('members.')) return MEMBER_FIELD_LABELS;
  if (name.startsWith('pipeline.')) return PIPELINE_FIELD_LABELS;
  if (name.startsWith('handover.')) return HANDOVER_FIELD_LABELS;
  if (name === 'roster.importPreview' || name === 'roster.importApply') return ROSTER_FILE_LABELS;
  return {};
}

/** Validates and runs one operation; never throws. */
export async function dispatch(ctx: AppContext, name: string, rawInput: unknown): Promise<Result<unknown>> {
  try {
    if (!isOperationName(name)) throw new AppError('E_UNKNOWN_OPERATION', `未知的操作“${name}”`);
    const parsed = contract[name].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      // Inputs that nest a record (fields, event, transfer): report its fields by their own names, as create does.
      const problems = zodProblems(parsed.error).map((p) => ({ ...p, field: p.field.replace(/^(fields|event|transfer)\./, '') }));
      throw validationError(problems, labelsFor(name));
    }
    const handler = handlers[name] as (ctx: AppContext, input: unknown) => unknown;
    const value = await handler(ctx, parsed.data);
    return { ok: true, value: value === undefined ? null : value };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toPayload() };
    ctx.log.error(`operation ${name} failed`, e);
    return { ok: false, error: { code: 'E_INTERNAL', message: `程序内部错误：${(e as Error)?.message ?? String(e)}` } };
  }
}
