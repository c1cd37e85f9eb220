/** 每人一份: the year's letters as a zip of Word files, one per member, named by the member. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileNamePart } from '../../../main/services/targets/printing';
import { DEFAULT_REWARD_RULES } from '../../../shared/domain/targets';
import { outputDir, readDocx, saveFile } from '../../helpers/documents';
import { rosterContext, variedMembers } from '../../helpers/sheets';
import { trackContexts } from '../../helpers/context';

const track = trackContexts();

describe('letters one file per member', () => {
  it('zips one Word file per letter, named by the member, a namesake numbered, each holding only that letter', async () => {
    const members = variedMembers(4).map((m, i) => ({ ...m, name: i === 3 ? variedMembers(1)[0]!.name : m.name, status: '正常' as const, lostContact: false, lostContactDate: null }));
    const t = track(await rosterContext(members, '2026-11-25'));
    const items = [
      { category: '思想建设', content: '按时参加“三会一课”', points: 40, rule: '缺席一次扣 2 分' },
      { category: '生产经营/中心工作', content: '完成本岗位生产任务', points: 60, rule: '未完成一项扣 5 分' },
    ];
    await t.call('postTemplates.save', { post: '通用', items, rewardRules: [...DEFAULT_REWARD_RULES], assessmentMethod: '支部评定为准' });
    expect(await t.call('targetLetters.generate', { year: 2026 })).toMatchObject({ created: 4 });
    const letters = await t.call('targetLetters.list', { year: 2026 });

    const exported = await t.call('targetLetters.exportEach', { year: 2026 });
    expect(exported.count).toBe(4);
    expect(exported.fileName).toBe('第一钻井队党支部2026年度党员目标管理责任书（4份，每人一个文件）.zip');
    const dir = outputDir('target-letters-each');
    const zip = saveFile(dir, 'letters.zip', Buffer.from(exported.data, 'base64'));
    const names = execFileSync('unzip', ['-Z1', zip], { encoding: 'utf8' }).trim().split('\n');
    const seen = new Map<string, number>();
    const expected = letters.map((l) => {
      const n = (seen.get(l.memberName) ?? 0) + 1;
      seen.set(l.memberName, n);
      return `2026年度党员目标管理责任书-${l.memberName}${n > 1 ? `（${n}）` : ''}.docx`;
    });
    expect(names).toEqual(expected);
    expect(names.filter((n) => n.endsWith('（2）.docx'))).toHaveLength(1);

    execFileSync('unzip', ['-q', '-o', zip, '-d', dir]);
    letters.forEach((l, i) => {
      const docx = readDocx(`${dir}/${names[i]}`);
      expect(docx.paragraphs.filter((p) => p.text.startsWith('乙方：')).map((p) => p.text)).toEqual([`乙方：${l.memberName}${l.post ? `（岗位：${l.post}）` : ''}`]);
      expect(docx.tables).toHaveLength(2);
    });
  }, 120_000);

  it('keeps a name that Windows would refuse in a file name readable', () => {
    expect(fileNamePart('王/伟:*?')).toBe('王_伟___');
    expect(fileNamePart('  ')).toBe('未命名');
    expect(fileNamePart('阿依古丽·买买提')).toBe('阿依古丽·买买提');
  });
});
