import { describe, expect, it } from 'vitest';
import { addMonths, addYears, formatChineseDate, fullYearsBetween } from '../../../shared/domain/dates';
import { memberFieldsSchema, memberRuleProblems, probationEnd } from '../../../shared/domain/member';
import { pinyinInitials, memberSearchText } from '../../../shared/domain/pinyin';
import { sampleMember } from '../../helpers/context';

const TODAY = '2026-11-25';
const fields = (o: Record<string, unknown> = {}) => memberFieldsSchema.parse(sampleMember(o));
const problemFields = (o: Record<string, unknown> = {}) => memberRuleProblems(fields(o), TODAY).map((p) => p.field);

describe('member rules', () => {
  it('accepts the sample member', () => {
    expect(memberRuleProblems(fields(), TODAY)).toEqual([]);
  });

  it('requires birth date and gender to agree with the ID number', () => {
    expect(problemFields({ birthDate: '1949-12-30' })).toContain('birthDate');
    expect(problemFields({ gender: '男' })).toEqual(['gender']);
  });

  it('requires dates in order: birth < application < join < full', () => {
    expect(problemFields({ applicationDate: '1976-01-01' })).toContain('joinDate');
    expect(problemFields({ applicationDate: '1940-01-01' })).toContain('applicationDate');
    expect(problemFields({ fullDate: '1975-06-01' })).toContain('fullDate');
  });

  it('requires a year of probation, a full date for full members, none for probationers', () => {
    expect(problemFields({ fullDate: '1976-03-01' })).toEqual(['fullDate']);
    expect(problemFields({ fullDate: null })).toEqual(['fullDate']);
    expect(problemFields({ category: '预备党员' })).toEqual(['fullDate']);
    expect(problemFields({ category: '预备党员', fullDate: null })).toEqual([]);
  });

  it('refuses dates in the future and members younger than 18 at joining', () => {
    expect(problemFields({ joinDate: '2027-01-01', fullDate: null, category: '预备党员' })).toContain('joinDate');
    expect(problemFields({ joinDate: '1960-01-01', fullDate: '1961-01-01' })).toContain('joinDate');
  });

  it('resolves education words and codes, and rejects unknown ones in Chinese', () => {
    expect(memberFieldsSchema.parse(sampleMember({ education: '本科' })).education).toBe('21');
    expect(memberFieldsSchema.parse(sampleMember({ education: '大学专科毕业' })).education).toBe('31');
    const r = memberFieldsSchema.safeParse(sampleMember({ education: '博士后' }));
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('博士后');
  });

  it('gives the probation end one year after admission', () => {
    expect(probationEnd({ category: '预备党员', joinDate: '2026-03-01' })).toBe('2027-03-01');
    expect(probationEnd({ category: '正式党员', joinDate: '2026-03-01' })).toBeNull();
  });
});

describe('dates and pinyin', () => {
  it('does calendar arithmetic without time-zone surprises', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(fullYearsBetween('2000-11-26', TODAY)).toBe(25);
    expect(fullYearsBetween('2000-11-25', TODAY)).toBe(26);
    expect(formatChineseDate('2026-11-05')).toBe('2026年11月5日');
  });

  it('reads surnames as surnames', () => {
    expect(pinyinInitials('张三')).toBe('zs');
    expect(pinyinInitials('单雄信')).toBe('sxx');
    expect(memberSearchText('曾国藩', '11010519491231002X')).toContain('zengguofan');
  });
});
