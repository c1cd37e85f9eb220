/** 组织生活: meeting records (三会一课), heart-to-heart talks and home visits. */
import { CalendarOutlined, CommentOutlined, FileTextOutlined, TeamOutlined } from '@ant-design/icons';
import { reloadWhenLoaded, type Capability } from '../capability';

export const meetings: Capability = {
  key: 'meetings',
  screens: [
    { key: 'meetings', label: '会议记录', group: 'life', icon: TeamOutlined, order: 20, path: '/meetings', page: () => import('./MeetingsPage') },
    { key: 'meetingsCalendar', label: '三会一课台账', group: 'life', icon: CalendarOutlined, order: 10, path: '/meetings-calendar', page: () => import('./CalendarPage') },
    { key: 'talks', label: '谈心谈话', group: 'life', icon: CommentOutlined, order: 30, path: '/talks', page: () => import('./TalksPage') },
    { key: 'reports', label: '党内汇报', group: 'life', icon: FileTextOutlined, order: 40, path: '/reports', page: () => import('./ReportsPage') },
  ],
  reload: async () => {
    await reloadWhenLoaded(() => import('./meetingsStore').then((m) => m.useMeetingsStore), (s) => s.load())();
    await reloadWhenLoaded(() => import('./talksStore').then((m) => m.useTalksStore), (s) => s.load())();
    await reloadWhenLoaded(() => import('./reportsStore').then((m) => m.useReportsStore), (s) => s.load())();
  },
  handover: [
    { key: 'meetings', label: '三会一课会议记录', hint: '会议记录及签到、历史版本、附件和会议频次设置', tables: ['meetings', 'meeting_attendance', 'meeting_versions', 'meeting_attachments', 'meeting_frequencies'] },
    { key: 'talks', label: '谈心谈话和党内汇报', hint: '谈心谈话和家访记录，思想汇报、工作汇报及汇报频次设置', tables: ['talks', 'member_reports', 'report_rhythms'] },
  ],
};
