/** 首页's shares: one decimal everywhere, whole numbers included. */
import { describe, expect, it } from 'vitest';
import { formatShare } from '../../../renderer/src/features/overview/share';

describe('formatShare', () => {
  it('keeps one decimal, also for whole and zero shares', () => {
    expect(formatShare(3, 100)).toBe('3.0%');
    expect(formatShare(11, 300)).toBe('3.7%');
    expect(formatShare(0, 300)).toBe('0.0%');
    expect(formatShare(300, 300)).toBe('100.0%');
  });

  it('rounds to the nearest tenth', () => {
    expect(formatShare(1, 3)).toBe('33.3%');
    expect(formatShare(2, 3)).toBe('66.7%');
  });

  it('shows a dash when there is nothing to share', () => {
    expect(formatShare(0, 0)).toBe('—');
  });
});
