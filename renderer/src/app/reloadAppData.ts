/** After anything that changes the database wholesale (hand-over import, restore): every capability's data again. */
import { CAPABILITIES } from '../features';
import { useAppStore } from '../stores/appStore';

export async function reloadAppData(): Promise<void> {
  await useAppStore.getState().start(true);
  for (const capability of CAPABILITIES) void Promise.resolve(capability.reload?.()).catch(() => undefined);
}
