/**
 * The status-change capability of the demo seeder: the events behind the roster's statuses
 * (转出, 停止党籍), 转正 of members who became full members in the current or previous year, and a
 * few 转入 of members who came from other branches. Written after the roster, with its own stream.
 */
import { addDays, addMonths } from '../../../shared/domain/dates';
import type { Member } from '../../../shared/domain/member';
import type { MemberEventKind } from '../../../shared/domain/memberEvents';
import type { Sqlite } from '../../db/query';
import { insertRow, newCommon } from '../../db/rows';
import type { MemberEventsTable } from './tables';
import { createRng, type Rng } from '../demo/random';
import type { DemoCapability, DemoCounts, DemoPlan, DemoState } from '../demo/types';

const OTHER_BRANCHES = ['中共渤海钻探第二钻井队支部委员会', '中共渤海钻探机关第一支部委员会', '中共华北油田采油一厂第三支部委员会', '中共钻井一公司固井队支部委员会'];

function event(state: DemoState, m: Member, kind: MemberEventKind, date: string, extra: Partial<MemberEventsTable> = {}): MemberEventsTable {
  return {
    ...newCommon(state.branchId),
    member_id: m.id,
    kind,
    subtype: '',
    event_date: date,
    meeting_date: null,
    doc_number: '',
    counterpart: '',
    months: null,
    reason: '',
    ...extra,
  };
}

function later(a: string, b: string): string {
  return a > b ? a : b;
}

function eventsOf(rng: Rng, m: Member, state: DemoState, today: string): MemberEventsTable[] {
  const out: MemberEventsTable[] = [];
  const year = Number(today.slice(0, 4));
  const docNo = () => `组字〔${rng.int(year - 1, year)}〕${rng.int(1, 40)}号`;
  if (m.fullDate && Number(m.fullDate.slice(0, 4)) >= year - 1 && m.fullDate <= today) {
    out.push(event(state, m, '转正', m.fullDate, { meeting_date: addDays(m.fullDate, -rng.int(0, 10)), doc_number: docNo() }));
  }
  if (m.status === '停止党籍' && m.lostContactDate) {
    const date = later(addMonths(`${m.lostContactDate}-01`, 6), m.joinDate);
    if (date <= today) out.push(event(state, m, '停止党籍', date, { reason: '失去联系超过六个月，按规定停止党籍', doc_number: docNo() }));
  } else if (m.status === '转出') {
    const date = later(addDays(today, -rng.int(20, 500)), addDays(m.joinDate, 30));
    if (date <= today) out.push(event(state, m, '转出', date, { counterpart: rng.pick(OTHER_BRANCHES), doc_number: docNo(), reason: '工作调动' }));
  } else if (rng.chance(0.04)) {
    const date = later(addDays(today, -rng.int(30, 700)), addDays(m.joinDate, 30));
    if (date <= today) out.push(event(state, m, '转入', date, { counterpart: rng.pick(OTHER_BRANCHES), doc_number: docNo(), reason: '随项目调入本队' }));
  }
  return out;
}

export const memberEventsDemo: DemoCapability<null> = {
  key: 'events',
  label: '党员变动',
  size: () => 0,
  // eslint-disable-next-line require-yield
  *prepare() {
    return null;
  },
  write(db: Sqlite, _prepared: null, state: DemoState, plan: DemoPlan): DemoCounts {
    const rng = createRng(plan.seed, 'events');
    let n = 0;
    for (const m of state.members) {
      for (const row of eventsOf(rng, m, state, plan.today)) {
        insertRow(db, 'member_events', row);
        n++;
      }
    }
    return { events: n };
  },
};
