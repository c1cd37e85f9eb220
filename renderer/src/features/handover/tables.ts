/**
 * What a secretary can choose to hand over, in her words: each capability declares its own choices (see
 * ../index.ts). Each choice names the registered tables it carries; the server adds what they depend on
 * (the branch, party groups for members, …).
 */
import { CAPABILITIES } from '..';
import type { HandoverChoice } from '../capability';

export const EXPORT_CHOICES: readonly HandoverChoice[] = CAPABILITIES.flatMap((c) => c.handover ?? []);
