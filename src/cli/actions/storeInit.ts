import { initStore } from '../../store/initStore.js';
import { openStore } from '../../store/openStore.js';
import { loadCommandConfig } from '../loadCommandConfig.js';

export interface StoreInitOptions {
  config?: string;
  store?: string;
  json?: boolean;
}

/** `dte store init`: the store's bucket (S3) or folder (file:) made when missing; idempotent. */
export async function storeInitAction(options: StoreInitOptions): Promise<void> {
  const loaded = loadCommandConfig(options, 'store');
  const store = await openStore(loaded.config.store);
  try {
    const created = await initStore(store);
    if (options.json) process.stdout.write(`${JSON.stringify({ store: store.url, created }, null, 2)}\n`);
    else process.stdout.write(`${store.url}: ${created ? 'created' : 'already there'}\n`);
  } finally {
    await store.close();
  }
}
