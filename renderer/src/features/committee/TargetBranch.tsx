/**
 * The branch a new member goes to, on the forms that add one (新增党员, 组织关系转入): the branch the roster
 * shows, named on the form when it is not the local one, or a required 所属支部 choice when it shows all branches.
 * The party groups offered are the target branch's.
 */
import { Alert, Form, Select, type FormInstance } from 'antd';
import { useEffect, useState } from 'react';
import type { PartyGroup } from '../../../../shared/domain/branch';
import type { FieldProblem } from '../../../../shared/domain/member';
import { api } from '../../api';
import { useCommitteeStore } from './committeeStore';
import type { FormBranch } from '../roster/formBranch';

export function useTargetBranch(form: FormInstance, open: boolean, formBranch: FormBranch) {
  const branches = useCommitteeStore((s) => s.branches);
  const local = branches.find((b) => b.isLocal);
  const chosen = Form.useWatch('branchId', form) as string | undefined;
  /** The branch the member goes to: null = the local branch. */
  const target = formBranch.choose ? (chosen ?? null) : formBranch.branchId;
  const [groups, setGroups] = useState<PartyGroup[]>([]);

  // The party groups offered are the target branch's; a group of another branch is dropped when the branch changes.
  useEffect(() => {
    if (!open) return;
    let current = true;
    void api()
      .call('groups.list', target && target !== local?.id ? { branchId: target } : {})
      .then((list) => {
        if (!current) return;
        setGroups(list);
        const group = form.getFieldValue('partyGroupId') as string | undefined;
        if (group && !list.some((g) => g.id === group)) form.setFieldValue('partyGroupId', '');
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [open, target, local?.id, form]);

  return {
    branches,
    groups,
    /** Call after the form's fields were reset on opening: the choice starts at the local branch. */
    reset: () => {
      if (formBranch.choose) form.setFieldValue('branchId', local?.id);
    },
    problems: (): FieldProblem[] => (formBranch.choose && !form.getFieldValue('branchId') ? [{ field: 'branchId', message: '请选择所属支部' }] : []),
    /** The branchId to send: null for the local branch (main's default). */
    branchIdToSave: (): string | null => (target && target !== local?.id ? target : null),
    /** “到“…支部””, for the success message, when the member went to a branch other than the local one. */
    whereText: (branchId: string | null) => (branchId ? `到“${branches.find((b) => b.id === branchId)?.name ?? '所选支部'}”` : ''),
  };
}

/** The 所属支部 choice, or the note naming the branch the roster shows; nothing for the local branch. */
export function TargetBranchField({
  formBranch,
  onLeave,
  chooseExtra,
}: {
  formBranch: FormBranch;
  onLeave: () => void;
  /** Under the choice: why it is asked. */
  chooseExtra: string;
}) {
  const branches = useCommitteeStore((s) => s.branches);
  if (formBranch.choose) {
    return (
      <Form.Item name="branchId" label="所属支部" required extra={chooseExtra}>
        <Select options={branches.map((b) => ({ value: b.id, label: b.isLocal ? `${b.name}（本支部）` : b.name }))} onBlur={onLeave} />
      </Form.Item>
    );
  }
  const fixed = formBranch.branchId ? branches.find((b) => b.id === formBranch.branchId) : undefined;
  if (!fixed) return null;
  return (
    <Alert
      type="info"
      showIcon
      role="note"
      style={{ marginBottom: 16 }}
      title={`将添加到：${fixed.name}`}
      description="名册当前选择的是这个支部。要添加到别的支部，请先在名册上方换选支部。"
    />
  );
}
