/** The 学历 pick list of the person forms (GB/T 4658 codes). */
import { EDUCATION, EDUCATION_ALIASES, EDUCATION_GROUPS } from '../../../../shared/domain/codes';

/** Words people type for an education level (大专, 本科, 中专…) find the level's code too. */
function educationSearch(code: string, label: string): string {
  const aliases = Object.entries(EDUCATION_ALIASES)
    .filter(([, c]) => c === code)
    .map(([word]) => word);
  return [label, ...aliases, code].join(' ');
}

/** 学历 pick list: grouped by level; the level itself may be chosen when the detail is not known. */
export const EDUCATION_OPTIONS = EDUCATION_GROUPS.map((g) => {
  const children = EDUCATION.filter((e) => e.group === g.code);
  if (!children.length) return { value: g.code, label: g.label, search: educationSearch(g.code, g.label) };
  return {
    label: g.label,
    title: g.label,
    options: [
      ...children.map((c) => ({ value: c.code, label: c.label, search: educationSearch(c.code, c.label) })),
      { value: g.code, label: `${g.label}（未细分）`, search: educationSearch(g.code, g.label) },
    ],
  };
});
