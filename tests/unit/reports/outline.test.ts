import { describe, expect, it } from 'vitest';
import { headingNumbers, numberedHeadings } from '../../../shared/domain/reports/numbering';
import {
  appendToSection,
  deleteBlock,
  deleteSection,
  demoteSection,
  insertBlocks,
  moveSectionDown,
  moveSectionTo,
  moveSectionUp,
  outlineActions,
  promoteSection,
  sectionRange,
} from '../../../shared/domain/reports/outline';
import type { ReportBlock } from '../../../shared/domain/reports/model';
import { h, ids, p } from './build';

// 一、A（一）A1 （二）A2 二、B（一）B1 1. B1a 三、C
const doc = (): ReportBlock[] => [
  p('intro', '引言'),
  h('A', 1),
  p('a0', '甲'),
  h('A1', 2),
  p('a1', '甲一'),
  h('A2', 2),
  h('B', 1),
  h('B1', 2),
  h('B1a', 3),
  h('B1a1', 4),
  p('b', '乙'),
  h('C', 1),
];

const printed = (blocks: readonly ReportBlock[]) => numberedHeadings(blocks).map((x) => x.text);

describe('heading numbers', () => {
  it('numbers four levels in the 公文 style, restarting below each heading', () => {
    expect(printed(doc())).toEqual(['一、A', '（一）A1', '（二）A2', '二、B', '（一）B1', '1.B1a', '（1）B1a1', '三、C']);
  });

  it('counts past ten in Chinese numerals', () => {
    const many = Array.from({ length: 12 }, (_, i) => h(`s${i}`, 1));
    expect(headingNumbers(many).get('s9')).toBe('十、');
    expect(headingNumbers(many).get('s11')).toBe('十二、');
  });

  it('keeps the numbers out of the stored text', () => {
    const blocks = moveSectionUp(doc(), 'B');
    expect(blocks.find((b) => b.id === 'B')).toMatchObject({ text: 'B' });
  });
});

describe('sections', () => {
  it('spans a heading and everything under it up to the next heading of its level or higher', () => {
    const blocks = doc();
    expect(sectionRange(blocks, 'A')).toEqual([1, 6]);
    expect(sectionRange(blocks, 'A1')).toEqual([3, 5]);
    expect(sectionRange(blocks, 'B')).toEqual([6, 11]);
    expect(sectionRange(blocks, 'C')).toEqual([11, 12]);
    expect(sectionRange(blocks, 'a0')).toEqual([2, 3]);
  });
});

describe('moving sections', () => {
  it('moves a first-level section up with its content, and the numbers follow', () => {
    const moved = moveSectionUp(doc(), 'B');
    expect(ids(moved)).toEqual(['intro', 'B', 'B1', 'B1a', 'B1a1', 'b', 'A', 'a0', 'A1', 'a1', 'A2', 'C']);
    expect(printed(moved)).toEqual(['一、B', '（一）B1', '1.B1a', '（1）B1a1', '二、A', '（一）A1', '（二）A2', '三、C']);
  });

  it('moves a section down past the next one at its level', () => {
    const moved = moveSectionDown(doc(), 'A1');
    expect(ids(moved)).toEqual(['intro', 'A', 'a0', 'A2', 'A1', 'a1', 'B', 'B1', 'B1a', 'B1a1', 'b', 'C']);
    expect(printed(moved).slice(0, 3)).toEqual(['一、A', '（一）A2', '（二）A1']);
  });

  it('does not move a section out of its parent', () => {
    const blocks = doc();
    expect(moveSectionUp(blocks, 'A1')).toBe(blocks);
    expect(moveSectionDown(blocks, 'A2')).toBe(blocks);
    expect(moveSectionUp(blocks, 'A')).toBe(blocks);
    expect(moveSectionDown(blocks, 'C')).toBe(blocks);
    expect(outlineActions(blocks, 'A2')).toEqual({ up: true, down: false, promote: true, demote: true });
    expect(outlineActions(blocks, 'A')).toEqual({ up: false, down: true, promote: false, demote: false });
  });

  it('moves a paragraph by one block, across a heading', () => {
    expect(ids(moveSectionUp(doc(), 'a1')).slice(2, 6)).toEqual(['a0', 'a1', 'A1', 'A2']);
    expect(ids(moveSectionDown(doc(), 'a0')).slice(1, 4)).toEqual(['A', 'A1', 'a0']);
  });

  it('moves a section to a position, numbering it there', () => {
    const moved = moveSectionTo(doc(), 'C', 1);
    expect(ids(moved).slice(0, 3)).toEqual(['intro', 'C', 'A']);
    expect(printed(moved)[0]).toBe('一、C');
    expect(printed(moved)[1]).toBe('二、A');
    const last = moveSectionTo(doc(), 'A', 99);
    expect(ids(last).slice(-5)).toEqual(['A', 'a0', 'A1', 'a1', 'A2']);
    expect(printed(last)).toEqual(['一、B', '（一）B1', '1.B1a', '（1）B1a1', '二、C', '三、A', '（一）A1', '（二）A2']);
  });
});

describe('promoting and demoting', () => {
  it('demotes a section into the one before it, with its sub-headings', () => {
    const blocks = [h('A', 1), p('a'), h('B', 1), h('B1', 2), p('b'), h('C', 1)];
    const demoted = demoteSection(blocks, 'B');
    expect(demoted.map((b) => (b.kind === 'heading' ? b.level : 0))).toEqual([1, 0, 2, 3, 0, 1]);
    expect(numberedHeadings(demoted).map((x) => x.text)).toEqual(['一、A', '（一）B', '1.B1', '二、C']);
    expect(printed(demoteSection(doc(), 'C')).slice(-2)).toEqual(['（1）B1a1', '（二）C']);
  });

  it('will not demote the first section of its level, nor below level 4', () => {
    const blocks = doc();
    expect(demoteSection(blocks, 'A')).toBe(blocks);
    expect(demoteSection(blocks, 'A1')).toBe(blocks);
    expect(demoteSection(blocks, 'B')).toBe(blocks);
    const deep = [h('x', 1), h('y', 1), h('y2', 2), h('y3', 3), h('y4', 4)];
    expect(demoteSection(deep, 'y')).toBe(deep);
  });

  it('promotes a section and its sub-headings', () => {
    const promoted = promoteSection(doc(), 'A2');
    expect(printed(promoted)).toEqual(['一、A', '（一）A1', '二、A2', '三、B', '（一）B1', '1.B1a', '（1）B1a1', '四、C']);
    const blocks = doc();
    expect(promoteSection(blocks, 'A')).toBe(blocks);
    expect(promoteSection(blocks, 'a0')).toBe(blocks);
  });
});

describe('inserting and deleting', () => {
  it('inserts a heading and renumbers the ones after it', () => {
    const added = insertBlocks(doc(), 'a1', [h('new', 2, '新增')]);
    expect(printed(added).slice(0, 4)).toEqual(['一、A', '（一）A1', '（二）新增', '（三）A2']);
    expect(ids(insertBlocks(doc(), null, [p('first')]))[0]).toBe('first');
  });

  it('appends to the end of a section', () => {
    expect(ids(appendToSection(doc(), 'A', [p('end')])).slice(4, 7)).toEqual(['a1', 'A2', 'end']);
  });

  it('deletes a section and renumbers the rest', () => {
    const deleted = deleteSection(doc(), 'A');
    expect(ids(deleted)[1]).toBe('B');
    expect(printed(deleted)).toEqual(['一、B', '（一）B1', '1.B1a', '（1）B1a1', '二、C']);
  });

  it('deletes a heading alone: its content joins the section before', () => {
    const deleted = deleteBlock(doc(), 'A2');
    expect(ids(deleted)).not.toContain('A2');
    expect(printed(deleted)).toEqual(['一、A', '（一）A1', '二、B', '（一）B1', '1.B1a', '（1）B1a1', '三、C']);
    expect(() => deleteBlock(doc(), 'nope')).toThrow();
  });
});
