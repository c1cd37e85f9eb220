import { describe, expect, it } from 'vitest';
import {
  applicantWarnings,
  earliestTargetDate,
  nextStep,
  PIPELINE_STEPS,
  probationReminder,
  stageAfter,
  stepInputSchema,
  stepProblems,
  STAGE_ENTRY_STEP,
  terminateProblems,
  type PipelineState,
} from '../../../shared/domain/pipeline';

const TODAY = '2026-11-25';

function state(dates: Record<number, string>, extra: Partial<PipelineState> = {}): PipelineState {
  return {
    birthDate: '1998-01-01',
    politicalStatus: '共青团员',
    terminated: false,
    steps: Object.entries(dates).map(([step, date]) => ({ step: Number(step), date })),
    trainingDays: null,
    trainingHours: null,
    member: null,
    ...extra,
  };
}

const step = (input: Record<string, unknown>) => stepInputSchema.parse(input);

describe('the 25 steps and 5 stages', () => {
  it('lists the steps of 发展细则 in order, grouped by stage', () => {
    expect(PIPELINE_STEPS).toHaveLength(25);
    expect(PIPELINE_STEPS.map((s) => s.step)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect(PIPELINE_STEPS[6]).toEqual({ step: 7, title: '确定发展对象', stage: '发展对象' });
    expect(PIPELINE_STEPS[14]).toEqual({ step: 15, title: '支部大会讨论', stage: '预备党员' });
    expect(PIPELINE_STEPS[24]).toEqual({ step: 25, title: '材料归档', stage: '正式党员' });
    const counts = [...new Set(PIPELINE_STEPS.map((s) => s.stage))].map((stage) => [stage, PIPELINE_STEPS.filter((s) => s.stage === stage).length]);
    expect(counts).toEqual([['入党申请人', 2], ['入党积极分子', 4], ['发展对象', 5], ['预备党员', 7], ['正式党员', 7]]);
  });

  it('enters a stage at its entry step', () => {
    expect(STAGE_ENTRY_STEP).toEqual({ 入党申请人: 1, 入党积极分子: 3, 发展对象: 7, 预备党员: 17, 正式党员: 24 });
    expect([1, 2, 3, 6, 7, 16, 17, 23, 24, 25].map(stageAfter)).toEqual([
      '入党申请人', '入党申请人', '入党积极分子', '入党积极分子', '发展对象', '发展对象', '预备党员', '预备党员', '正式党员', '正式党员',
    ]);
  });
});

describe('time rules', () => {
  it('a development target more than one year after becoming an activist (29 February too)', () => {
    expect(earliestTargetDate('2026-03-01')).toBe('2027-03-02');
    expect(earliestTargetDate('2024-02-29')).toBe('2025-03-01');
    const s = state({ 1: '2025-01-01', 2: '2025-01-10', 3: '2025-03-01', 4: '2025-03-05', 5: '2025-03-06', 6: '2025-09-01' });
    expect(stepProblems(s, step({ step: 7, date: '2026-03-01' }), undefined, TODAY)).toEqual([
      { field: 'date', message: '确定为入党积极分子（2025-03-01）未满一年，最早 2026-03-02 才能确定为发展对象' },
    ]);
    expect(stepProblems(s, step({ step: 7, date: '2026-03-02' }), undefined, TODAY)).toEqual([]);
  });

  it('the talk is due a month after the application; overdue the day after', () => {
    const s = state({ 1: '2026-10-25' });
    expect(nextStep(s, '2026-11-25')).toMatchObject({ step: 2, dueDate: '2026-11-25', overdue: false });
    expect(nextStep(s, '2026-11-26')).toMatchObject({ step: 2, dueDate: '2026-11-25', overdue: true });
    expect(applicantWarnings(s, '2026-11-25')).toEqual([]);
    expect(applicantWarnings(s, '2026-11-26')).toHaveLength(1);
  });

  it('approval within 3 months is due, past 6 months refused; 31 August plus 6 months is the end of February', () => {
    const s = state({ 15: '2025-08-31', 16: '2025-09-10' });
    expect(nextStep(s, TODAY)).toMatchObject({ step: 17, dueDate: '2025-11-30', latestDate: '2026-02-28', overdue: true });
    expect(stepProblems(s, step({ step: 17, date: '2026-03-01' }), undefined, TODAY).map((p) => p.field)).toEqual(['date']);
    expect(stepProblems(s, step({ step: 17, date: '2026-02-28' }), undefined, TODAY)).toEqual([]);
  });

  it('转正 due at the end of the probation (with any extension), approval not before it', () => {
    const member = { category: '预备党员' as const, status: '正常' as const, probationEnd: '2027-02-20' };
    const s = state({ 15: '2025-08-20', 17: '2025-09-01', 21: '2026-03-01' }, { member });
    expect(nextStep(s, TODAY)).toMatchObject({ step: 22, dueDate: '2027-02-20', overdue: false });
    const at23 = state({ 15: '2025-08-20', 17: '2025-09-01', 23: '2026-08-22' }, { member });
    expect(stepProblems(at23, step({ step: 24, date: '2026-09-01' }), undefined, TODAY)).toEqual([
      { field: 'date', message: '预备期到 2027-02-20 才满，上级党委审批转正应在预备期满之后' },
    ]);
    const gone = state({ 17: '2025-09-01', 18: '2025-09-10' }, { memberMissing: true });
    expect(stepProblems(gone, step({ step: 19, date: '2025-09-20' }), undefined, TODAY)[0]!.message).toContain('已被删除');
  });

  it('probation reminders: within 30 days, and past', () => {
    expect(probationReminder('2026-12-25', TODAY)).toBe('due');
    expect(probationReminder('2026-12-26', TODAY)).toBeNull();
    expect(probationReminder(TODAY, TODAY)).toBe('due');
    expect(probationReminder('2026-11-24', TODAY)).toBe('overdue');
  });

  it('termination: not after admission, not before the last step', () => {
    expect(terminateProblems(state({ 1: '2026-01-01', 2: '2026-01-20' }), '2026-01-19', TODAY)).toEqual([
      { field: 'date', message: '终止日期不能早于最后一步“党组织派人谈话”的日期（2026-01-20）' },
    ]);
    expect(terminateProblems(state({ 17: '2025-09-01' }), '2026-01-01', TODAY)[0]!.message).toContain('已接收为预备党员');
  });

  it('step input: step 1 is the application, and people lists are bounded', () => {
    expect(stepInputSchema.safeParse({ step: 1, date: TODAY }).error?.issues[0]!.message).toBe('第 1 步“递交入党申请书”在登记申请人时记录');
    const three = Array.from({ length: 3 }, () => crypto.randomUUID());
    expect(stepInputSchema.safeParse({ step: 5, date: TODAY, cultivatorIds: three }).error?.issues[0]!.message).toBe('培养联系人为 1 至 2 名正式党员');
  });
});
