/**
 * Inline checking as the forms here do it: a field shows its problems once the user has changed it and left it,
 * and every field does after a save was tried. Problems reported by main stay at their field until it changes.
 */
import type { FormInstance } from 'antd';
import { useRef } from 'react';
import type { FieldProblem } from '../../../shared/domain/member';
import { RefusedDate } from './dates';
import { applyProblems, focusFirstProblem } from './formErrors';

/** What a form may show above its fields after each check. */
export interface CheckState {
  tried: boolean;
  fromServer: boolean;
}

/** The line above a long form once a save was tried: how many fields need changing, or nothing. */
export function fieldsSummary(problems: FieldProblem[]): string | null {
  return problems.length ? `有 ${problems.length} 处需要修改，请看红色提示。` : null;
}

/** The drawers' summary: after a save was tried it counts the fields to change, unless main's refusal is shown. */
export function summaryAfterTry(setSummary: (text: string | null) => void) {
  return (problems: FieldProblem[], { tried, fromServer }: CheckState) => {
    if (tried && !fromServer) setSummary(fieldsSummary(problems));
  };
}

/**
 * A date field holding a typed date it refused (see DateInput) shows that reason, not what the other checks say
 * about an empty field (请填写…).
 */
export function withRefusedDates(values: Record<string, unknown>, problems: FieldProblem[]): FieldProblem[] {
  const refused = Object.entries(values).filter((e): e is [string, RefusedDate] => e[1] instanceof RefusedDate);
  if (!refused.length) return problems;
  const fields = new Set(refused.map(([field]) => field));
  return [...refused.map(([field, r]) => ({ field, message: r.reason })), ...problems.filter((p) => !fields.has(p.field))];
}

export function useInlineChecks(
  form: FormInstance,
  order: readonly string[],
  check: () => FieldProblem[],
  afterCheck: (problems: FieldProblem[], state: CheckState) => void,
) {
  const fields = order.map((f) => [f]);
  const tried = useRef(false);
  const shown = useRef(new Set<string>());
  const serverProblems = useRef<FieldProblem[]>([]);

  /** A fresh start, on opening: the form holds `initial`, no problem is shown, no save was tried. */
  const reset = (initial: object) => {
    tried.current = false;
    shown.current = new Set();
    serverProblems.current = [];
    form.resetFields();
    form.setFieldsValue(initial);
  };

  const revalidate = () => {
    const problems = withRefusedDates(form.getFieldsValue(true) as Record<string, unknown>, [...check(), ...serverProblems.current]);
    applyProblems(form, fields, problems, (path) => tried.current || shown.current.has(String(path[0])));
    afterCheck(problems, { tried: tried.current, fromServer: serverProblems.current.length > 0 });
    return problems;
  };

  /** Leaving a field the user has changed shows its problems; merely passing through an empty field does not. */
  const leave = (field: string) => () => {
    if (form.isFieldTouched(field)) shown.current.add(field);
    revalidate();
  };

  const show = (field: string) => shown.current.add(field);

  /** A change drops main's problems about the changed fields, then everything is checked again. */
  const onValuesChange = (changed: object) => {
    const keys = Object.keys(changed);
    serverProblems.current = serverProblems.current.filter((p) => !keys.includes(p.field));
    revalidate();
  };

  /** A save attempt: every field shows its problems, the first gets the focus. True when there are none. */
  const trySave = () => {
    tried.current = true;
    serverProblems.current = [];
    const problems = revalidate();
    if (problems.length) focusFirstProblem(form, fields, problems);
    return problems.length === 0;
  };

  /** Problems main found (named as the form names its fields) are shown and the first gets the focus. */
  const refused = (problems: FieldProblem[]) => {
    serverProblems.current = problems;
    revalidate();
    focusFirstProblem(form, fields, problems);
  };

  /**
   * What main found about one field while the form is being filled (a duplicate ID number, asked on leaving it):
   * shown at once, without moving the focus, until the field changes.
   */
  const foundAt = (field: string, problems: FieldProblem[]) => {
    serverProblems.current = [...serverProblems.current.filter((p) => p.field !== field), ...problems];
    shown.current.add(field);
    revalidate();
  };

  return { reset, revalidate, leave, show, onValuesChange, trySave, refused, foundAt };
}
