/** Showing field problems (from the shared rules or from the server) at the fields of an antd Form. */
import type { FormInstance } from 'antd';
import type { FieldProblem } from '../../../shared/domain/member';

/** 'officers.0.name' -> ['officers', 0, 'name'] */
export function fieldPath(field: string): (string | number)[] {
  return field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

function key(path: (string | number)[]): string {
  return path.join('.');
}

/**
 * Sets the errors of `fields` from `problems` (one message per field, all messages joined);
 * fields without a problem are cleared. `only` limits which fields may show a problem.
 */
export function applyProblems(
  form: FormInstance,
  fields: (string | number)[][],
  problems: FieldProblem[],
  only?: (path: (string | number)[]) => boolean,
): void {
  const byField = new Map<string, string[]>();
  for (const p of problems) {
    const k = key(fieldPath(p.field));
    byField.set(k, [...(byField.get(k) ?? []), p.message]);
  }
  const known = new Set(fields.map(key));
  const extra = [...byField.keys()].filter((k) => !known.has(k)).map((k) => fieldPath(k));
  form.setFields(
    [...fields, ...extra].map((name) => ({
      name,
      errors: !only || only(name) ? [...new Set(byField.get(key(name)) ?? [])] : [],
    })),
  );
}

/** Moves focus to the first field with a problem (in the order of `fields`). */
export function focusFirstProblem(form: FormInstance, fields: (string | number)[][], problems: FieldProblem[]): void {
  const bad = new Set(problems.map((p) => key(fieldPath(p.field))));
  const first = fields.find((f) => bad.has(key(f))) ?? (problems[0] ? fieldPath(problems[0].field) : null);
  if (!first) return;
  form.scrollToField(first, { block: 'center' });
  form.focusField(first);
}
