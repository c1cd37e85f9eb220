/** Post templates (岗位目标模板): the target items, assessment method and reward rules a post's letters start from. */
import type { z } from 'zod';
import { AppError } from '../../../shared/contract/errors';
import type { PostTemplate, templateSaveSchema } from '../../../shared/contract/targets';
import { cleanLabel, labelKey } from '../../../shared/domain/codeLists';
import { ACTIVE_STATUSES } from '../../../shared/domain/member';
import {
  GENERAL_POST,
  duplicateKeyProblems,
  keyed,
  pointsTotalProblems,
  rewardRuleProblems,
  sortRewardRules,
  sumPoints,
  type LetterItem,
  type RewardRule,
} from '../../../shared/domain/targets';
import { all, qb, type Sqlite } from '../../db/query';
import { insertRow, newCommon, trashRow, updateRow } from '../../db/rows';
import { requireBranchId } from '../branch/branch';
import { codeOptions } from '../codeLists/service';
import { newKey, parseJson, requireLive, requireNoProblems } from './common';
import type { PostTemplatesTable } from './tables';

export type TemplateSave = z.output<typeof templateSaveSchema>;

export function liveTemplates(db: Sqlite, branchId: string): PostTemplatesTable[] {
  return all(db, qb.selectFrom('post_templates').selectAll().where('branch_id', '=', branchId).where('deleted_at', 'is', null).orderBy('created_at'));
}

/** The template a member's letter comes from: the one of their post, else the 通用 one. */
export function templateForPost<T extends { post: string }>(templates: readonly T[], post: string): T | undefined {
  const key = labelKey(post);
  return templates.find((t) => labelKey(t.post) === key) ?? templates.find((t) => t.post === GENERAL_POST);
}

function toTemplate(r: PostTemplatesTable, memberCount: number): PostTemplate {
  const items = parseJson<LetterItem[]>(r.items_json);
  return {
    id: r.id,
    post: r.post,
    items,
    total: sumPoints(items.map((i) => i.points)),
    assessmentMethod: r.assessment_method,
    rewardRules: parseJson<RewardRule[]>(r.reward_rules_json),
    otherTerms: r.other_terms,
    note: r.note,
    memberCount,
    updatedAt: r.updated_at,
  };
}

/** Live members on the active roster per template id (which template each one's letter would come from). */
function membersPerTemplate(db: Sqlite, branchId: string, templates: readonly PostTemplatesTable[]): Map<string, number> {
  const members = all(
    db,
    qb.selectFrom('members').select('post').where('branch_id', '=', branchId).where('deleted_at', 'is', null).where('status', 'in', [...ACTIVE_STATUSES]),
  );
  const counts = new Map<string, number>();
  for (const m of members) {
    const t = templateForPost(templates, m.post);
    if (t) counts.set(t.id, (counts.get(t.id) ?? 0) + 1);
  }
  return counts;
}

export function listTemplates(db: Sqlite): PostTemplate[] {
  const branchId = requireBranchId(db);
  const rows = liveTemplates(db, branchId);
  const counts = membersPerTemplate(db, branchId, rows);
  const order = new Map(codeOptions(db, 'posts').map((p, i) => [labelKey(p), i]));
  const rank = (post: string) => (post === GENERAL_POST ? -1 : (order.get(labelKey(post)) ?? Number.MAX_SAFE_INTEGER));
  return rows.sort((a, b) => rank(a.post) - rank(b.post)).map((r) => toTemplate(r, counts.get(r.id) ?? 0));
}

export function saveTemplate(db: Sqlite, input: TemplateSave): PostTemplate {
  return db.transaction(() => {
    const branchId = requireBranchId(db);
    const post = cleanLabel(input.post);
    const existing = input.id ? requireLive(db, 'post_templates', input.id, '岗位目标模板') : null;
    const posts = codeOptions(db, 'posts');
    const problems = [...pointsTotalProblems(input.items), ...duplicateKeyProblems(input.items), ...rewardRuleProblems(input.rewardRules)];
    // A post taken out of the code list keeps its template; a new template needs a post in use (or 通用).
    const known = post === GENERAL_POST || posts.some((p) => labelKey(p) === labelKey(post)) || (existing && existing.post === post);
    if (!known) problems.unshift({ field: 'post', message: `“${post}”不在岗位字典中（或已停用）；请先在字典管理中添加该岗位，或选择“${GENERAL_POST}”` });
    requireNoProblems(problems);
    const clash = liveTemplates(db, branchId).find((t) => t.id !== existing?.id && labelKey(t.post) === labelKey(post));
    if (clash) throw new AppError('E_CONFLICT', `岗位“${clash.post}”已有目标模板`, [{ field: 'post', message: `岗位“${clash.post}”已有目标模板` }]);
    const columns = {
      post,
      items_json: JSON.stringify(keyed(input.items, newKey)),
      assessment_method: input.assessmentMethod,
      reward_rules_json: JSON.stringify(sortRewardRules(input.rewardRules)),
      other_terms: input.otherTerms,
      note: input.note,
    };
    const row = existing
      ? updateRow(db, 'post_templates', existing.id, columns, input.expectedUpdatedAt ?? undefined)
      : insertRow(db, 'post_templates', { ...newCommon(branchId), ...columns });
    const counts = membersPerTemplate(db, branchId, liveTemplates(db, branchId));
    return toTemplate(row, counts.get(row.id) ?? 0);
  })();
}

/** To the trash; letters generated from it keep their copy. */
export function deleteTemplate(db: Sqlite, id: string): void {
  db.transaction(() => {
    requireLive(db, 'post_templates', id, '岗位目标模板');
    trashRow(db, 'post_templates', id);
  })();
}
