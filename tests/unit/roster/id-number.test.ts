import { describe, expect, it } from 'vitest';
import { checkIdNumber, idCheckChar, maskIdNumber, normalizeIdNumber } from '../../../shared/domain/idNumber';

describe('citizen ID numbers (GB 11643, MOD 11-2)', () => {
  it('computes the worked examples of domain.md', () => {
    expect(idCheckChar('34052419800101001')).toBe('X');
    expect(idCheckChar('11010519491231002')).toBe('X');
  });

  it('accepts a valid number and derives birth date and gender', () => {
    const r = checkIdNumber('11010519491231002x');
    expect(r).toEqual({ ok: true, info: { normalized: '11010519491231002X', birthDate: '1949-12-31', gender: '女' } });
  });

  it('names the problem of each kind of wrong number', () => {
    expect(checkIdNumber('11010519491231002')).toEqual({ ok: false, problem: 'length' });
    expect(checkIdNumber('1101051949123100AX')).toEqual({ ok: false, problem: 'characters' });
    expect(checkIdNumber('110105194902300020')).toMatchObject({ ok: false, problem: 'birthDate' });
    expect(checkIdNumber('110105194912310021')).toEqual({ ok: false, problem: 'checksum' });
  });

  it('folds full-width characters and spaces, and masks for lists', () => {
    expect(normalizeIdNumber(' １１０１０５１９４９１２３１００２ｘ ')).toBe('11010519491231002X');
    expect(maskIdNumber('11010519491231002X')).toBe('1101**********002X');
  });

  it('finds every single-digit typo (the checksum property)', () => {
    const valid = '34052419800101001X';
    for (let pos = 0; pos < 17; pos++) {
      for (let d = 0; d <= 9; d++) {
        if (String(d) === valid[pos]) continue;
        const typo = valid.slice(0, pos) + d + valid.slice(pos + 1);
        const r = checkIdNumber(typo);
        expect(r.ok, typo).toBe(false);
      }
    }
  });
});
