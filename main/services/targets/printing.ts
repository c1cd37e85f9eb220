/** The printed letters and the 考核汇总表: the data from the services, the documents from the builders. */
import type { DocumentPreview, ExportedFile } from '../../../shared/contract/rosterFiles';
import type { PrintDocument } from '../../../shared/documents/model';
import { AppError } from '../../../shared/contract/errors';
import { first, qb, type Sqlite } from '../../db/query';
import { renderDocx } from '../../documents';
import { requireBranchId } from '../branch/branch';
import { parseJson } from './common';
import { buildLettersDocument, type LetterData } from './documents/letters';
import { letterItems, lettersOfYear } from './letters';
import type { RewardRule } from '../../../shared/domain/targets';

/** The year's letters in name order (all, or those named, in the same order), as the builder takes them. */
export function lettersForPrint(db: Sqlite, year: number, ids?: readonly string[] | null): { branchName: string; letters: LetterData[] } {
  const branchId = requireBranchId(db);
  const branchName = first(db, qb.selectFrom('branches').select('name').where('id', '=', branchId))?.name ?? '';
  const wanted = ids?.length ? new Set(ids) : null;
  const rows = lettersOfYear(db, branchId, year).filter((r) => !wanted || wanted.has(r.id));
  if (rows.length === 0) {
    throw new AppError('E_NOT_FOUND', wanted ? '所选的责任书不存在或已被删除' : `${year}年还没有目标管理责任书，请先生成`);
  }
  const letters = rows.map((r) => ({
    year: r.year,
    branchName,
    secretary: r.secretary,
    memberName: r.member_name,
    post: r.post,
    periodStart: r.period_start,
    periodEnd: r.period_end,
    items: letterItems(r),
    assessmentMethod: r.assessment_method,
    rewardRules: parseJson<RewardRule[]>(r.reward_rules_json),
    otherTerms: r.other_terms,
    signedDate: r.signed_date,
  }));
  return { branchName, letters };
}

export function lettersDocument(db: Sqlite, year: number, ids?: readonly string[] | null): PrintDocument {
  const { branchName, letters } = lettersForPrint(db, year, ids);
  return buildLettersDocument(letters, { year, branchName });
}

export function previewLetters(db: Sqlite, year: number, ids?: readonly string[] | null): DocumentPreview {
  return { document: lettersDocument(db, year, ids) };
}

export async function exportLetters(db: Sqlite, year: number, ids?: readonly string[] | null): Promise<ExportedFile> {
  const document = lettersDocument(db, year, ids);
  const count = document.blocks.filter((b) => b.kind === 'pageBreak').length + 1;
  return { fileName: `${document.fileStem}.docx`, data: (await renderDocx(document)).toString('base64'), count };
}

