/**
 * The year every 目标管理 screen shows: one choice shared by the screens (so moving from 年度目标 to 责任书 keeps
 * it), taken from the address (`#/targets/letters?year=2025`) when it names one, and written back to it.
 */
import { Segmented, Select } from 'antd';
import { ASSESSMENT_PERIODS, PERIOD_LABELS, type AssessmentPeriod } from '../../../../shared/domain/targets';
import { useEffect } from 'react';
import { create } from 'zustand';
import { navigate, useRoute } from '../../app/router';

export const thisYear = (): number => new Date().getFullYear();

export const useTargetYear = create<{ year: number; setYear(year: number): void }>((set) => ({
  year: thisYear(),
  setYear: (year) => set({ year }),
}));

/** The years offered: two ahead (planning next year) and ten back, and the chosen one if further out. */
function yearOptions(chosen: number): { value: number; label: string }[] {
  const now = thisYear();
  const years = new Set<number>([chosen]);
  for (let y = now + 1; y >= now - 10; y--) years.add(y);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y} 年` }));
}

/** The screen's year: the address wins when it names a valid one. */
export function useYearFromRoute(): number {
  const route = useRoute();
  const year = useTargetYear((s) => s.year);
  const fromRoute = Number(route.query.year);
  useEffect(() => {
    if (Number.isInteger(fromRoute) && fromRoute >= 1990 && fromRoute <= 2100 && fromRoute !== useTargetYear.getState().year) useTargetYear.getState().setYear(fromRoute);
  }, [fromRoute]);
  return year;
}

export function YearSelect({ id = 'target-year' }: { id?: string }) {
  const route = useRoute();
  const year = useTargetYear((s) => s.year);
  const choose = (y: number) => {
    useTargetYear.getState().setYear(y);
    navigate(route.path, { ...route.query, year: String(y) }, { replace: true });
  };
  return (
    <div className="filter-item targets-year">
      <label htmlFor={id}>年度</label>
      <Select<number> id={id} size="large" style={{ width: 120 }} value={year} onChange={choose} options={yearOptions(year)} />
    </div>
  );
}

/** The assessment period the 考核 screens show (半年考核 / 年终考核), shared like the year. */
export const useTargetPeriod = create<{ period: AssessmentPeriod; setPeriod(period: AssessmentPeriod): void }>((set) => ({
  period: new Date().getMonth() < 9 ? 'mid' : 'final',
  setPeriod: (period) => set({ period }),
}));

export function PeriodSwitch() {
  const period = useTargetPeriod((s) => s.period);
  return (
    <Segmented<AssessmentPeriod>
      size="large"
      aria-label="考核期"
      value={period}
      onChange={(p) => useTargetPeriod.getState().setPeriod(p)}
      options={ASSESSMENT_PERIODS.map((p) => ({ value: p, label: PERIOD_LABELS[p] }))}
    />
  );
}
