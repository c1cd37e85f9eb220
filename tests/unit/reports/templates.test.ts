import { describe, expect, it } from 'vitest';
import { MEETINGS_CALENDAR_FACTS } from '../../../main/services/meetings/calendarFacts';
import { PIPELINE_FACTS } from '../../../main/services/pipeline/facts';
import { ROSTER_FACTS } from '../../../main/services/roster/facts';
import { TARGETS_FACTS } from '../../../main/services/targets/facts';
import { allIds, REPORT_KINDS, reportContentSchema, type ReportBlock } from '../../../shared/domain/reports/model';
import { numberedHeadings } from '../../../shared/domain/reports/numbering';
import { proofread } from '../../../shared/domain/reports/proofread';
import { BUILT_IN_TEMPLATES, builtInTemplate, reportFromTemplate, reportTemplateSchema, templateFactKeys, templateFromReport } from '../../../shared/domain/reports/templates';
import { fig, h, p, report, YEAR } from './build';

const counter = () => {
  let n = 0;
  return () => `id${++n}`;
};
const input = () => ({ period: { from: '2026-01-01', to: '2026-12-31' }, issuer: '中共某钻井队党支部', issueDate: '2026-12-20', newId: counter() });
const headings = (blocks: readonly ReportBlock[]) => numberedHeadings(blocks).map((x) => x.text);

describe('built-in templates', () => {
  it('has one valid template per kind', () => {
    expect(BUILT_IN_TEMPLATES.map((t) => t.kind)).toEqual([...REPORT_KINDS]);
    for (const t of BUILT_IN_TEMPLATES) expect(reportTemplateSchema.safeParse(t).success).toBe(true);
  });

  it('gives the yearly summary its usual structure', () => {
    expect(headings(builtInTemplate('annual').blocks)).toEqual([
      '一、基本情况',
      '二、主要做法和成效',
      '（一）加强思想政治建设',
      '（二）加强党员队伍建设',
      '（三）推动党建与生产经营深度融合',
      '三、存在的问题',
      '四、下一步打算',
    ]);
  });

  it('gives the 述职报告 and the 经验交流材料 their own structure', () => {
    expect(headings(builtInTemplate('secretaryReview').blocks)[0]).toBe('一、履行抓党建工作责任情况');
    expect(headings(builtInTemplate('experience').blocks).filter((t) => /^[一二三四]、/.test(t))).toEqual(['一、主要做法', '二、取得的成效', '三、几点体会']);
  });

  it('suggests only facts that the capabilities offer', () => {
    const offered = new Set([...ROSTER_FACTS, ...PIPELINE_FACTS, ...TARGETS_FACTS, ...MEETINGS_CALENDAR_FACTS].map((f) => f.key));
    const suggested = templateFactKeys();
    expect(suggested.length).toBeGreaterThan(10);
    expect(suggested.filter((k) => !offered.has(k))).toEqual([]);
  });

  it('puts a prompt in every section without sub-sections', () => {
    for (const t of BUILT_IN_TEMPLATES)
      t.blocks.forEach((b, i) => {
        const next = t.blocks[i + 1];
        if (b.kind === 'heading' && !(next?.kind === 'heading' && next.level > b.level)) expect(next?.kind, `${t.kind} ${b.text}`).toBe('placeholder');
      });
  });
});

describe('a report from a template', () => {
  it('takes the structure, the year in the title and fresh ids; its placeholders are flagged as 待补充', () => {
    const template = builtInTemplate('annual');
    const r = reportFromTemplate(template, input());
    expect(r.title).toBe('2026年度党支部工作总结');
    expect(reportContentSchema.safeParse(r).success).toBe(true);
    expect(headings(r.blocks)).toEqual(headings(template.blocks));
    const templateIds = new Set(allIds(template.blocks));
    expect(allIds(r.blocks).filter((id) => templateIds.has(id))).toEqual([]);
    const flags = proofread(r).filter((f) => f.rule === 'placeholderLeft');
    expect(flags).toHaveLength(r.blocks.filter((b) => b.kind === 'placeholder').length);
  });
});

describe('a template from a report', () => {
  const written = () =>
    report([
      p('intro', '一年来，支部扎实工作。'),
      h('A', 1, '基本情况'),
      p('a1', '支部现有党员', fig('f1', 36, 'fp', 'roster.members.total', '名'), '。'),
      { id: 't', kind: 'table', caption: '表1 攻关项目', link: { ...fig('x', 0, 'fp', 'targets.projects.finished').link, period: YEAR }, columns: [{ key: 'n', label: '项目' }], rows: [['提速']] },
      h('B', 1, '下一步打算'),
      { id: 'ph', kind: 'placeholder', prompt: '写明明年的措施', factKeys: [] },
    ]);

  it('keeps text with figures turned into slots for the same fact, and tables into placeholders', () => {
    const t = templateFromReport(written(), { id: 'u1', name: '我的模板', keepText: true, factTitle: (k) => (k === 'roster.members.total' ? '党员总数' : undefined) });
    expect(t.title).toBe('{year}年度党支部工作总结');
    expect(t.builtIn).toBe(false);
    const a1 = t.blocks.find((b) => b.id === 'a1');
    expect(a1).toEqual(p('a1', '支部现有党员', { kind: 'slot', id: 'f1', prompt: '党员总数', factKey: 'roster.members.total' }, '。'));
    expect(t.blocks.find((b) => b.id === 't')).toEqual({ id: 't', kind: 'placeholder', prompt: '插入表格：表1 攻关项目', factKeys: ['targets.projects.finished'] });
    expect(reportTemplateSchema.safeParse(t).success).toBe(true);
  });

  it('without text keeps headings and one placeholder per section naming the facts used', () => {
    const t = templateFromReport(written(), { id: 'u2', name: '结构', keepText: false });
    expect(t.blocks.map((b) => b.kind)).toEqual(['placeholder', 'heading', 'placeholder', 'heading', 'placeholder']);
    expect(t.blocks[2]).toMatchObject({ kind: 'placeholder', factKeys: ['roster.members.total', 'targets.projects.finished'] });
    expect(t.blocks[4]).toMatchObject({ kind: 'placeholder', prompt: '写明明年的措施' });
    const again = reportFromTemplate(t, input());
    expect(again.title).toBe('2026年度党支部工作总结');
    expect(headings(again.blocks)).toEqual(['一、基本情况', '二、下一步打算']);
  });

  it('never keeps a figure value in a template', () => {
    for (const keepText of [true, false]) {
      const t = templateFromReport(written(), { id: 'u', name: 'n', keepText });
      expect(JSON.stringify(t)).not.toContain('"figure"');
    }
  });
});
