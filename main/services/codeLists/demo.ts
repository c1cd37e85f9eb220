/**
 * The code-list capability of the demo seeder: a crew that has adjusted its lists a little, so the
 * 字典管理 screen shows added and retired items. Nothing random: the same for every seed.
 */
import { AppError } from '../../../shared/contract/errors';
import type { Sqlite } from '../../db/query';
import type { DemoCapability, DemoCounts } from '../demo/types';
import { listCodeLists, saveCodeItem, setCodeItemInUse } from './service';

interface CodeListsDemo {
  added: { kind: string; label: string; note: string }[];
  retired: { kind: string; label: string }[];
}

const DEMO: CodeListsDemo = {
  added: [
    { kind: 'posts', label: '录井工', note: '随队录井' },
    { kind: 'posts', label: 'HSE监督', note: '' },
    { kind: 'meetingPlaces', label: '项目部会议室', note: '与项目部联合召开时' },
  ],
  retired: [{ kind: 'meetingPlaces', label: '井场值班房' }],
};

function writeDemo(db: Sqlite, demo: CodeListsDemo): DemoCounts {
  let added = 0;
  for (const item of demo.added) {
    try {
      saveCodeItem(db, item);
      added++;
    } catch (e) {
      // A branch whose list already has the label (in use, retired or in the trash) keeps it as it is.
      if (!(e instanceof AppError && e.code === 'E_CONFLICT')) throw e;
    }
  }
  let retired = 0;
  for (const { kind, label } of demo.retired) {
    const item = listCodeLists(db, { kind })[0]!.items.find((i) => i.label === label && i.inUse);
    if (!item) continue;
    setCodeItemInUse(db, item.id, false);
    retired++;
  }
  return { codeItemsAdded: added, codeItemsRetired: retired };
}

export const codeListsDemoCapability: DemoCapability<CodeListsDemo> = {
  key: 'codeLists',
  label: '字典',
  size: () => 1,
  // eslint-disable-next-line require-yield
  *prepare() {
    return DEMO;
  },
  write: (db, prepared) => writeDemo(db, prepared),
};
