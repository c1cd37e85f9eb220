/**
 * Migrations: a static ordered list. Each runs in one transaction that also sets PRAGMA user_version.
 * A migration of one capability's tables lives in main/services/<capability>/migrations/NNN-<what>.ts;
 * only migrations of the core tables (and 001, which predates the rule) live here.
 */
import type Database from 'better-sqlite3';
import * as m001 from './001-initial';
import * as m002 from '../../services/roster/migrations/002-member-events';
import * as m003 from '../../services/pipeline/migrations/003-pipeline';
import * as m004 from '../../services/codeLists/migrations/004-code-lists';
import * as m005 from '../../services/handover/migrations/005-handover-log-details';
import * as m006 from '../../services/handover/migrations/006-handover-trust';
import * as m007 from '../../services/meetings/migrations/007-meetings';
import * as m008 from '../../services/targets/migrations/008-targets';
import * as m009 from '../../services/appraisal/migrations/009-appraisal';
import * as m010 from '../../services/appraisal/migrations/010-appraisal-followups';
import * as m011 from '../../services/meetings/migrations/011-member-reports';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', up: m001.up },
  { version: 2, name: 'member-events', up: m002.up },
  { version: 3, name: 'pipeline', up: m003.up },
  { version: m004.CODE_LISTS_SCHEMA_VERSION, name: 'code-lists', up: m004.up },
  { version: m005.HANDOVER_LOG_SCHEMA_VERSION, name: 'handover-log-details', up: m005.up },
  { version: m006.HANDOVER_TRUST_SCHEMA_VERSION, name: 'handover-trust', up: m006.up },
  { version: m007.MEETINGS_SCHEMA_VERSION, name: 'meetings', up: m007.up },
  { version: m008.TARGETS_SCHEMA_VERSION, name: 'targets', up: m008.up },
  { version: m009.APPRAISAL_SCHEMA_VERSION, name: 'appraisal', up: m009.up },
  { version: m010.APPRAISAL_FOLLOWUPS_SCHEMA_VERSION, name: 'appraisal-followups', up: m010.up },
  { version: m011.MEMBER_REPORTS_SCHEMA_VERSION, name: 'member-reports', up: m011.up },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies pending migrations up to `target` (tests migrate step by step). */
export function applyMigrations(db: Database.Database, target: number = LATEST_SCHEMA_VERSION): number[] {
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (m.version <= schemaVersion(db) || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied.push(m.version);
  }
  return applied;
}
