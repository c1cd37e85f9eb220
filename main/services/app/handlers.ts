import type { appOperations } from '../../../shared/contract/app';
import type { HandlersOf } from '../../capability';
import { schemaVersion } from '../../db/migrations';
import { getLocalBranch } from '../branch/branch';
import { exportDiagnostics } from '../diagnostics/diagnostics';
import { openFolder } from './folders';
import { readPreferences, setPreference } from './preferences';

export const appHandlers: HandlersOf<typeof appOperations> = {
  'app.info': (ctx) => ({
    appVersion: ctx.appVersion,
    schemaVersion: schemaVersion(ctx.db),
    dataDir: ctx.dataDir,
    databasePath: ctx.databasePath,
    hasBranch: getLocalBranch(ctx.db) !== null,
  }),
  'app.exportDiagnostics': (ctx) => exportDiagnostics(ctx),
  'app.openFolder': (ctx, input) => openFolder(ctx, input.which),
  'app.preferences': (ctx) => readPreferences(ctx.dataDir),
  'app.setPreference': (ctx, input) => setPreference(ctx.dataDir, input.key, input.value),
};
