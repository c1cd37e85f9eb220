/**
 * One ballot sheet as a grid: a row per member on the ballot, the four grades as radio buttons. Made for the
 * keyboard: a digit 1–4 sets the grade of the focused row and moves to the next row, 0 / Delete clears it,
 * ↑ / ↓ move between rows (← / → change the grade, as radio buttons do). Enter is left to the sheet (save).
 */
import { memo, useCallback, type KeyboardEvent } from 'react';
import { GRADES, gradeOfDigit, type Grade } from '../../../../shared/domain/appraisal';

export interface BallotMember {
  memberId: string;
  name: string;
}

interface RowProps {
  member: BallotMember;
  index: number;
  grade: Grade | undefined;
  disabled: boolean;
  onGrade(memberId: string, grade: Grade | null): void;
}

const Row = memo(function Row({ member, index, grade, disabled, onGrade }: RowProps) {
  return (
    <tr data-row={index} className={grade ? undefined : 'appraisal-row-empty'}>
      <td className="appraisal-no">{index + 1}</td>
      <th scope="row" className="appraisal-name">
        {member.name}
      </th>
      {GRADES.map((g) => (
        <td key={g} className="appraisal-cell">
          <input
            type="radio"
            name={`grade-${member.memberId}`}
            aria-label={`${member.name} ${g}`}
            checked={grade === g}
            disabled={disabled}
            onChange={() => onGrade(member.memberId, g)}
          />
        </td>
      ))}
    </tr>
  );
});

/** Focuses row `index` (its checked grade, else its first): returns false when there is no such row. */
export function focusRow(grid: HTMLElement | null, index: number): boolean {
  const row = grid?.querySelector<HTMLElement>(`tr[data-row="${index}"]`);
  const input = row?.querySelector<HTMLInputElement>('input:checked') ?? row?.querySelector<HTMLInputElement>('input');
  if (!row || !input || input.disabled) return false;
  input.focus();
  row.scrollIntoView({ block: 'nearest' });
  return true;
}

interface Props {
  members: BallotMember[];
  grades: Record<string, Grade>;
  disabled: boolean;
  onChange(grades: (before: Record<string, Grade>) => Record<string, Grade>): void;
  gridRef: React.RefObject<HTMLDivElement | null>;
}

export function BallotGrid({ members, grades, disabled, onChange, gridRef }: Props) {
  const onGrade = useCallback(
    (memberId: string, grade: Grade | null) =>
      onChange((before) => {
        const next = { ...before };
        if (grade) next[memberId] = grade;
        else delete next[memberId];
        return next;
      }),
    [onChange],
  );

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const row = (e.target as HTMLElement).closest<HTMLElement>('tr[data-row]');
    if (!row || e.ctrlKey || e.metaKey || e.altKey || e.nativeEvent.isComposing) return;
    const index = Number(row.dataset.row);
    const member = members[index];
    if (!member) return;
    if (/^[1-4]$/.test(e.key)) {
      e.preventDefault();
      onGrade(member.memberId, gradeOfDigit(Number(e.key)));
      // The next row's first radio, not its checked one: the new grade renders after this focus moves.
      if (!focusRow(gridRef.current, index + 1)) focusRow(gridRef.current, index);
    } else if (e.key === '0' || e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      onGrade(member.memberId, null);
    } else if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      focusRow(gridRef.current, index + (e.key === 'ArrowDown' ? 1 : -1));
    }
  };

  return (
    <div className="appraisal-grid" ref={gridRef} onKeyDown={onKeyDown}>
      <table>
        <caption className="sr-only">测评表：每行一名党员，数字 1 至 4 选等次</caption>
        <thead>
          <tr>
            <th scope="col">序号</th>
            <th scope="col">姓名</th>
            {GRADES.map((g, i) => (
              <th scope="col" key={g}>
                {g}
                <span className="appraisal-digit">（{i + 1}）</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {members.map((m, i) => (
            <Row key={m.memberId} member={m} index={i} grade={grades[m.memberId]} disabled={disabled} onGrade={onGrade} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
