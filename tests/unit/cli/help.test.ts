/** help lays out in an 80-column terminal: CJK characters take two columns each. */
import { describe, expect, it } from 'vitest';
import { commandName } from '../../../main/cli/command';
import { COMMANDS } from '../../../main/cli/commands';
import { HELP_WIDTH, wrapLine } from '../../../main/cli/help';
import { displayWidth } from '../../../main/cli/output';
import { cliInProcess, cliOk } from '../../helpers/cli';

/** The lines wider than 80 columns, with their widths, so a failure shows them. */
function tooWide(text: string): string[] {
  return text.split('\n').filter((l) => displayWidth(l) > 80).map((l) => `${displayWidth(l)}: ${l}`);
}

describe('help in 80 columns', () => {
  it('the list of commands: no line is wider than 80 columns, and every command is still listed with its summary', async () => {
    const { stdout } = await cliOk(['help']);
    expect(HELP_WIDTH).toBe(80);
    expect(tooWide(stdout)).toEqual([]);
    for (const c of COMMANDS) {
      expect(stdout).toContain(`  ${commandName(c)}`);
      expect(stdout.replace(/\s+/g, '')).toContain(c.summary.replace(/\s+/g, ''));
    }
  });

  it.each(COMMANDS.map((c) => [commandName(c)]))('help %s: no line is wider than 80 columns', async (name) => {
    const { stdout } = await cliOk(['help', ...name.split(' ')]);
    expect(stdout).toContain(`用法：npm run cli -- ${name}`);
    expect(tooWide(stdout)).toEqual([]);
  });

  it('a usage error prints the usage in 80 columns too', async () => {
    const { stderr } = await cliInProcess(['roster', 'export', 'x.pdf', '--colour']);
    expect(stderr).toContain('用法：');
    expect(tooWide(stderr.split('\n').slice(1).join('\n'))).toEqual([]);
  });
});

describe('wrapLine', () => {
  it('counts a CJK character as two columns and keeps closing punctuation off the start of a line', () => {
    const lines = wrapLine('一二三四五，六七八九十', { width: 10 });
    expect(lines).toEqual(['一二三四', '五，六七八', '九十']);
    for (const l of lines) expect(displayWidth(l)).toBeLessThanOrEqual(10);
  });

  it('breaks a usage line between option groups only, continuing under the hang', () => {
    const lines = wrapLine('[--status 状态|全部] [--all] [--search 关键字]', { first: 'cmd ', rest: '    ', width: 32, words: true });
    expect(lines).toEqual(['cmd [--status 状态|全部] [--all]', '    [--search 关键字]']);
  });
});
