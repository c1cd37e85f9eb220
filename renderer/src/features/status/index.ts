/** 党籍变动: status changes and transfers of a member (shown inside the roster; no screen of its own). */
import type { Capability } from '../capability';

export const status: Capability = {
  key: 'status',
  screens: [],
  handover: [{ key: 'member_events', label: '党员变动', hint: '转入、转出、转正等记录', tables: ['member_events'] }],
};
