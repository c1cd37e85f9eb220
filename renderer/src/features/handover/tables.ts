/**
 * What a secretary can choose to hand over, in her words. Each choice names the registered tables it
 * carries; the server adds what they depend on (the branch, party groups for members, …).
 */
export const EXPORT_CHOICES: { key: string; label: string; hint: string; tables: string[] }[] = [
  { key: 'members', label: '党员名册', hint: '党员的基本信息，含党小组', tables: ['members'] },
  { key: 'member_events', label: '党员变动', hint: '转入、转出、转正等记录', tables: ['member_events'] },
  { key: 'applicants', label: '发展党员', hint: '入党申请人及各个发展步骤', tables: ['applicants', 'applicant_steps'] },
  { key: 'party_groups', label: '党小组', hint: '党小组及组长', tables: ['party_groups'] },
];
