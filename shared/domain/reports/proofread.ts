/** The proofreading pass (校对) before export: every rule over the report, in document order, dismissals applied. */
import { blockText, type ReportContent } from './model';
import { keyFlags, segments, TITLE_BLOCK_ID, withoutDismissed, type ProofFlag, type UnkeyedFlag } from './proofFlags';
import { headingLevelSkipped, mixedDateForms, mixedHeadingNumerals, placeholderLeft, staleFigures, typedHeadingNumber, type CurrentFact } from './proofStructure';
import { halfWidthPunctuation, repeatedCharacters, unbalancedPairs } from './proofText';

export interface ProofreadOptions {
  /** The facts as they are now, by factRefKey; figures of facts not given are not checked. */
  current?: ReadonlyMap<string, CurrentFact>;
  /** Keys of dismissed flags. */
  dismissed?: ReadonlySet<string>;
}

export function proofread(report: ReportContent, options: ProofreadOptions = {}): ProofFlag[] {
  const segs = segments(report);
  const flags: (UnkeyedFlag & { anchor?: string })[] = [
    ...segs.flatMap((seg) => [...halfWidthPunctuation(seg), ...unbalancedPairs(seg), ...repeatedCharacters(seg)]),
    ...mixedDateForms(segs),
    ...headingLevelSkipped(report),
    ...typedHeadingNumber(report),
    ...mixedHeadingNumerals(report),
    ...placeholderLeft(report, segs),
    ...staleFigures(report, options.current ?? new Map()),
  ];
  const order = new Map<string, number>([[TITLE_BLOCK_ID, -1], ...report.blocks.map((b, i) => [b.id, i] as [string, number])]);
  flags.sort((a, b) => order.get(a.blockId)! - order.get(b.blockId)! || a.offset - b.offset);
  const texts = new Map<string, string>([[TITLE_BLOCK_ID, report.title], ...report.blocks.map((b) => [b.id, blockText(b)] as [string, string])]);
  const keyed = keyFlags(flags, (id) => texts.get(id) ?? '');
  return withoutDismissed(keyed, options.dismissed ?? new Set());
}
