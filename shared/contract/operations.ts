/**
 * The contract: every operation the renderer may ask of main, declared once.
 * name -> zod input schema -> result type. The dispatcher, the IPC registration,
 * the preload bridge and the api client are all derived from this object.
 */
import { z } from 'zod';
import { branchFieldsSchema, partyGroupFieldsSchema, type Branch, type PartyGroup } from '../domain/branch';
import { MEMBER_CATEGORIES, MEMBER_STATUSES, GENDERS, memberFieldsSchema, type Member, type MemberRow } from '../domain/member';
import { AGE_BANDS } from '../domain/member';
import { memberEventSchema, transferInSchema, type MemberEventRecord } from '../domain/memberEvents';
import type { BackupInfo, HandoverLogEntry, ImportPreview, PackageManifest, VerifyResult } from './handover';
import type { ExportedFile, RosterOverview, SheetImportResult, SheetPreview } from './rosterFiles';
import { isIsoDate } from '../domain/dates';
import { applicantCreateSchema, applicantUpdateSchema, stepInputSchema, terminateSchema, type Applicant, type PipelineBoard } from '../domain/pipeline';

/** Declares an operation: its input schema, and (as a type only) its result. */
function op<Out>() {
  return <In extends z.ZodType>(input: In) => ({ input, output: undefined as unknown as Out });
}

const id = z.string().uuid({ error: '记录编号无效' });
const none = z.object({}).strict();
/** A branch named by the caller (committee roll-up); main checks that it exists. Omitted: the local branch. */
const branchRef = z.string().uuid({ error: '所选支部无效' }).nullish();

export const SORTABLE_MEMBER_FIELDS = ['name', 'birthDate', 'joinDate', 'fullDate', 'partyGroup', 'category', 'education', 'branch'] as const;

export const memberSearchSchema = z.object({
  query: z.string().max(50).default(''),
  partyGroupId: z.union([id, z.literal('none')]).nullish(),
  category: z.enum(MEMBER_CATEGORIES).nullish(),
  /** 'active' (正常 + 停止党籍) unless a single status or 'all' is asked for. */
  status: z.union([z.enum(MEMBER_STATUSES), z.literal('active'), z.literal('all')]).default('active'),
  educationGroup: z.string().max(4).nullish(),
  gender: z.enum(GENDERS).nullish(),
  ageBand: z.enum(AGE_BANDS.map((b) => b.key) as [string, ...string[]]).nullish(),
  /** Omitted or null: the local branch; a branch id: that branch; 'all': every branch in the database (committee roll-up). */
  branchId: z.union([id, z.literal('all')]).nullish(),
  sort: z.enum(SORTABLE_MEMBER_FIELDS).default('name'),
  order: z.enum(['asc', 'desc']).default('asc'),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type MemberSearch = z.input<typeof memberSearchSchema>;

export interface MemberSearchResult {
  total: number;
  rows: MemberRow[];
}

export interface ChangeEntry {
  seq: number;
  table: string;
  rowId: string;
  action: 'insert' | 'update' | 'delete' | 'restore' | 'import' | 'conflict';
  changedAt: string;
  /** Only the fields that changed, old and new (ID numbers are masked). */
  changes: { field: string; label: string; before: unknown; after: unknown }[];
}

export interface TrashItem {
  table: string;
  tableLabel: string;
  id: string;
  label: string;
  deletedAt: string;
}

export interface AppInfo {
  appVersion: string;
  schemaVersion: number;
  dataDir: string;
  databasePath: string;
  hasBranch: boolean;
  /** Set when the database failed its integrity check at start-up and was not opened. */
  recovery?: RecoveryInfo | null;
}

export interface RecoveryInfo {
  message: string;
  /** Newest first; `ok` when the backup passes integrity_check. */
  backups: { name: string; createdAt: string; reasonLabel: string; size: number; ok: boolean }[];
}

export interface JobStatus {
  id: string;
  kind: string;
  label: string;
  state: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  message: string;
  error?: { code: string; message: string };
}

export interface BranchFigures {
  groups: { key: string; label: string; columns: { key: string; label: string }[] }[];
  branches: { id: string; name: string; isLocal: boolean; figures: Record<string, Record<string, number>> }[];
}

export interface BranchSummary {
  id: string;
  name: string;
  parentCommittee: string;
  isLocal: boolean;
  memberCount: number;
}

const optionalDate = z
  .union([z.literal(''), z.string().refine(isIsoDate, { error: '请填写有效日期' })])
  .nullish()
  .transform((v) => v || null);
const password = z.string().max(200).nullish();
/** File content in base64 (the renderer reads files the user picks; both transports carry JSON). */
const fileData = z.string().max(700 * 1024 * 1024, { error: '文件过大' });
const resolution = z.enum(['package', 'local']);
/** Which members an export takes: the roster's filters, without paging. */
const exportFilter = memberSearchSchema.omit({ offset: true, limit: true }).default({ query: '', status: 'active', sort: 'name', order: 'asc' });

export const contract = {
  'app.info': op<AppInfo>()(none),
  'app.exportDiagnostics': op<{ path: string; text: string }>()(none),

  'branch.get': op<Branch | null>()(none),
  'branch.save': op<Branch>()(branchFieldsSchema),

  'groups.list': op<PartyGroup[]>()(z.object({ branchId: branchRef }).strict()),
  'groups.save': op<PartyGroup>()(partyGroupFieldsSchema.extend({ id: id.nullish() })),
  'groups.delete': op<void>()(z.object({ id })),

  'members.search': op<MemberSearchResult>()(memberSearchSchema),
  'members.get': op<Member>()(z.object({ id })),
  /** branchId: the branch the member joins (a committee adding to an imported branch); omitted: the local branch. */
  'members.create': op<Member>()(memberFieldsSchema.extend({ branchId: branchRef })),
  'members.update': op<Member>()(
    z.object({ id, fields: memberFieldsSchema, expectedUpdatedAt: z.string().optional() }),
  ),
  'members.delete': op<void>()(z.object({ id })),
  'members.history': op<ChangeEntry[]>()(z.object({ id })),
  'members.events': op<MemberEventRecord[]>()(z.object({ id })),
  'members.recordEvent': op<Member>()(z.object({ memberId: id, event: memberEventSchema })),
  /** branchId: the branch the member is transferred into (as for members.create); omitted: the local branch. */
  'members.transferIn': op<Member>()(z.object({ fields: memberFieldsSchema, transfer: transferInSchema, branchId: branchRef })),

  'trash.list': op<TrashItem[]>()(none),
  'trash.restore': op<void>()(z.object({ table: z.string().max(40), id })),

  'roster.importPreview': op<SheetPreview>()(
    z.object({
      stagingId: z.string().uuid().nullish(),
      data: fileData.nullish(),
      fileName: z.string().max(260).default(''),
      mapping: z.record(z.string().max(3), z.string().max(40).nullable()).nullish(),
      headerRow: z.number().int().min(1).max(100).nullish(),
      /** The branch imported into: duplicates and updates are matched within it. Omitted: the local branch. */
      branchId: branchRef,
    }),
  ),
  'roster.importApply': op<SheetImportResult>()(
    z.object({
      stagingId: z.string().uuid(),
      mapping: z.record(z.string().max(3), z.string().max(40).nullable()).nullish(),
      headerRow: z.number().int().min(1).max(100).nullish(),
      skipInvalid: z.boolean().default(false),
      /** As for roster.importPreview: the branch the previewed rows are written into. */
      branchId: branchRef,
    }),
  ),
  'roster.exportXlsx': op<ExportedFile>()(
    z.object({ filter: exportFilter, columns: z.array(z.string().max(40)).max(40).nullish() }),
  ),
  'roster.exportDocx': op<ExportedFile>()(
    z.object({
      filter: exportFilter,
      columns: z.array(z.string().max(40)).max(40).nullish(),
      maskIdNumbers: z.boolean().default(false),
      filterLabel: z.string().max(40).nullish(),
    }),
  ),
  'overview.get': op<RosterOverview>()(none),
  'overview.exportStatistics': op<ExportedFile>()(none),

  'branches.list': op<BranchSummary[]>()(none),
  'branches.compare': op<BranchFigures>()(none),

  'handover.export': op<{ fileName: string; data: string; manifest: PackageManifest }>()(
    z.object({
      password,
      from: optionalDate,
      to: optionalDate,
      tables: z.array(z.string().max(40)).max(50).nullish(),
      createdBy: z.string().max(30).nullish(),
      /** The branch to export (a committee passing an imported branch on); omitted: the local branch. */
      branchId: branchRef,
    }),
  ),
  'handover.preview': op<{ stagingId: string; preview: ImportPreview }>()(
    z.object({ data: fileData, fileName: z.string().max(260).default(''), password }),
  ),
  'handover.import': op<{ preview: ImportPreview; backup: string }>()(
    z.object({
      stagingId: z.string().uuid(),
      password,
      all: resolution.nullish(),
      byKey: z.record(z.string().max(100), resolution).default({}),
    }),
  ),
  'handover.history': op<HandoverLogEntry[]>()(none),

  'recovery.restore': op<{ restored: string; damagedCopy: string | null }>()(z.object({ name: z.string().max(200) })),
  'backup.list': op<BackupInfo[]>()(none),
  'backup.create': op<BackupInfo>()(none),
  'backup.verify': op<VerifyResult>()(z.object({ name: z.string().max(200) })),
  'backup.restore': op<{ restored: BackupInfo; undo: BackupInfo }>()(z.object({ name: z.string().max(200) })),

  'demo.seed': op<JobStatus>()(
    z.object({ members: z.number().int().min(1).max(100_000), seed: z.number().int().default(1) }),
  ),
  'jobs.get': op<JobStatus>()(z.object({ id: z.string().max(40) })),

  'pipeline.board': op<PipelineBoard>()(z.object({ includeFinished: z.boolean().default(false) })),
  'pipeline.get': op<Applicant>()(z.object({ id })),
  'pipeline.create': op<Applicant>()(applicantCreateSchema),
  'pipeline.update': op<Applicant>()(applicantUpdateSchema),
  'pipeline.recordStep': op<Applicant>()(stepInputSchema.extend({ id })),
  'pipeline.undoStep': op<Applicant>()(z.object({ id })),
  'pipeline.terminate': op<Applicant>()(terminateSchema.extend({ id })),
  'pipeline.delete': op<void>()(z.object({ id })),
} as const;

export type Contract = typeof contract;
export type OperationName = keyof Contract;
export type OperationInput<N extends OperationName> = z.input<Contract[N]['input']>;
export type ParsedInput<N extends OperationName> = z.output<Contract[N]['input']>;
export type OperationOutput<N extends OperationName> = Contract[N]['output'];
export const OPERATION_NAMES = Object.keys(contract) as OperationName[];

export function isOperationName(name: string): name is OperationName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
