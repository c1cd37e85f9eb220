import type { handoverOperations } from '../../../shared/contract/handover';
import type { HandlersOf } from '../../capability';
import { exportHandoverData, handoverHistory, importStaged, stagePackage } from './handover';

export const handoverHandlers: HandlersOf<typeof handoverOperations> = {
  'handover.export': (ctx, input) => exportHandoverData(ctx, input),
  'handover.preview': (ctx, input) => stagePackage(ctx, Buffer.from(input.data, 'base64'), input.fileName, input.password),
  'handover.import': (ctx, input) => importStaged(ctx, input.stagingId, input.password, { all: input.all, byKey: input.byKey }, input.acceptNewKey),
  'handover.history': (ctx) => handoverHistory(ctx),
};
