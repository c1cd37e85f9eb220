/** Asking main, on leaving the 身份证号 field, whether someone in the branch already has the number. */
import type { FormInstance } from 'antd';
import { checkIdNumber, normalizeIdNumber } from '../../../../shared/domain/idNumber';
import type { FieldProblem } from '../../../../shared/domain/member';
import { api } from '../../api';

/** The same words main uses when it refuses the save. */
export const duplicateIdMessage = (holderName: string) => `与已有党员“${holderName}”的身份证号重复`;

/**
 * Checks the form's ID number against the branch (null: the local one), leaving out `excludeId` (the member being
 * edited), and reports the duplicate, or none, through `foundAt`. A valid number only: the form shows other problems
 * itself; an answer that arrives after the number changed is dropped.
 */
export async function checkIdNumberHolder(
  form: FormInstance,
  where: { branchId: string | null; excludeId: string | null },
  foundAt: (field: string, problems: FieldProblem[]) => void,
): Promise<void> {
  const current = () => normalizeIdNumber(String(form.getFieldValue('idNumber') ?? ''));
  const idNumber = current();
  if (!checkIdNumber(idNumber).ok) return;
  try {
    const holder = await api().call('members.findByIdNumber', { idNumber, branchId: where.branchId, excludeId: where.excludeId });
    if (current() !== idNumber) return;
    foundAt('idNumber', holder ? [{ field: 'idNumber', message: duplicateIdMessage(holder.name) }] : []);
  } catch {
    // Not being able to ask is no reason to stop the user: 保存 checks the number again.
  }
}

/**
 * A form's `leave` that, on leaving 身份证号, also asks who holds the number (`where`: the branch the person is or
 * will be in, and the member being edited).
 */
export function leaveCheckingIdNumber<F extends string>(
  leave: (field: F) => () => void,
  form: FormInstance,
  where: () => { branchId: string | null; excludeId: string | null },
  foundAt: (field: string, problems: FieldProblem[]) => void,
): (field: F) => () => void {
  return (field) => {
    const shown = leave(field);
    if (field !== 'idNumber') return shown;
    return () => {
      shown();
      void checkIdNumberHolder(form, where(), foundAt);
    };
  };
}
