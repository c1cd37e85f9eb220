/**
 * The values of the fields PersonFields renders, the same for members and applicants: from a record into the form,
 * from the form into the contract's input, and the checks both forms make before the shared rules.
 */
import type { Dayjs } from 'dayjs';
import type { z } from 'zod';
import { zodProblems } from '../../../../shared/contract/validate';
import type { ETHNICITIES } from '../../../../shared/domain/codes';
import { checkIdNumber, ID_PROBLEM_MESSAGES } from '../../../../shared/domain/idNumber';
import type { FieldProblem, GENDERS } from '../../../../shared/domain/member';
import { fromDayjs, toDayjs } from '../dates';

export interface PersonValues {
  name: string;
  idNumber: string;
  gender?: '男' | '女';
  birthDate: Dayjs | null;
  ethnicity?: string;
  education?: string;
  nativePlace: string;
  partyGroupId: string;
  workUnit: string;
  post: string;
  phone: string;
  remark: string;
}

interface PersonRecord {
  name: string;
  idNumber: string;
  gender: '男' | '女';
  birthDate: string;
  ethnicity: string;
  education: string;
  nativePlace: string;
  partyGroupId: string | null;
  workUnit: string;
  post: string;
  phone: string;
  remark: string;
}

type PersonInput = Omit<PersonRecord, 'gender' | 'ethnicity'> & {
  gender: (typeof GENDERS)[number];
  ethnicity: (typeof ETHNICITIES)[number];
};

export function personValues(p: PersonRecord): PersonValues {
  return {
    name: p.name, idNumber: p.idNumber, gender: p.gender, birthDate: toDayjs(p.birthDate), ethnicity: p.ethnicity,
    education: p.education, nativePlace: p.nativePlace, partyGroupId: p.partyGroupId ?? '', workUnit: p.workUnit,
    post: p.post, phone: p.phone, remark: p.remark,
  };
}

export function personInput(v: PersonValues): PersonInput {
  return {
    name: v.name ?? '',
    gender: v.gender as PersonInput['gender'],
    ethnicity: (v.ethnicity ?? '') as PersonInput['ethnicity'],
    idNumber: v.idNumber ?? '',
    birthDate: fromDayjs(v.birthDate),
    education: v.education ?? '',
    nativePlace: v.nativePlace ?? '',
    partyGroupId: v.partyGroupId || null,
    workUnit: v.workUnit ?? '',
    post: v.post ?? '',
    phone: v.phone ?? '',
    remark: v.remark ?? '',
  };
}

/** A problem, with its own message, for each field of `messages` that `input` leaves empty. */
export function missingProblems(input: object, messages: Partial<Record<string, string>>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const [field, message] of Object.entries(messages)) {
    const value = (input as Record<string, unknown>)[field];
    if (message && (value === '' || value === undefined || value === null)) problems.push({ field, message });
  }
  return problems;
}

/**
 * When the shared schema fails: the missing fields, the schema's problems with the others, and the ID number
 * checked on its own so its problem shows at once.
 */
export function schemaFailureProblems(missing: FieldProblem[], error: z.ZodError, idNumber: string): FieldProblem[] {
  const missingFields = new Set(missing.map((p) => p.field));
  const problems = [...missing, ...zodProblems(error).filter((p) => !missingFields.has(p.field))];
  if (idNumber) {
    const id = checkIdNumber(idNumber);
    if (!id.ok) problems.push({ field: 'idNumber', message: ID_PROBLEM_MESSAGES[id.problem] });
  }
  return problems;
}
