/** The roster's 支部 selector, shown only when the database holds more than one branch (committee roll-up). */
import { Select } from 'antd';
import { useEffect } from 'react';
import { useCommitteeStore } from './committeeStore';
import { ALL_BRANCHES } from '../roster/rosterStore';

const LOCAL = '__local__';

/** value: null = the local branch, 'all' = every branch, or a branch id. */
export function BranchSelect({ value, onChange }: { value: string | null; onChange: (branchId: string | null) => void }) {
  const branches = useCommitteeStore((s) => s.branches);
  useEffect(() => {
    void useCommitteeStore.getState().loadBranches();
  }, []);
  // A branch that is gone (a restore) falls back to the local one.
  useEffect(() => {
    if (value && value !== ALL_BRANCHES && branches.length && !branches.some((b) => b.id === value)) onChange(null);
  }, [branches, value, onChange]);
  if (branches.length < 2) return null;
  const options = [
    ...branches.map((b) => ({ value: b.isLocal ? LOCAL : b.id, label: b.isLocal ? `本支部（${b.memberCount} 人）` : `${b.name}（${b.memberCount} 人）` })),
    { value: ALL_BRANCHES, label: `全部支部（${branches.reduce((s, b) => s + b.memberCount, 0)} 人）` },
  ];
  return (
    <div className="filter-item">
      <span className="filter-label" id="filter-branch-label">
        支部
      </span>
      <Select<string>
        id="filter-branch"
        aria-labelledby="filter-branch-label"
        style={{ width: 340 }}
        value={value ?? LOCAL}
        onChange={(v) => onChange(v === LOCAL ? null : v)}
        options={options}
        popupMatchSelectWidth={false}
        virtual={false}
        // The pop-up list is named like its box, for screen readers (antd leaves it unnamed).
        onOpenChange={(open) => {
          if (open) setTimeout(() => document.getElementById('filter-branch_list')?.setAttribute('aria-label', '支部'), 0);
        }}
      />
    </div>
  );
}
