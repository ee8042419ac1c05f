import { describeSent, listSentNotifications } from '../src/alerts/index.js';
import { alertSettings } from '../src/alerts/settings.js';
import type { LoadedConfig } from '../src/config/load.js';
import type { ObjectStore } from '../src/store/objectStore.js';

/** The channels the demo's config enables, then every notification of the series and where it went. */
export async function printNotifications(
  store: ObjectStore,
  loaded: LoadedConfig,
  configName: string,
): Promise<void> {
  const settings = alertSettings(loaded.config.alerts);
  const channels = [
    'log',
    settings.webhook.url ? `webhook (${new URL(settings.webhook.url).host})` : null,
    settings.email ? `email via ${settings.email.smtp.host}` : null,
    settings.zalo ? 'Zalo ZNS' : null,
  ].filter((c): c is string => c !== null);
  process.stdout.write(`\nNotifications (channels enabled by ${configName}: ${channels.join(', ')})\n`);
  process.stdout.write(describeSent(await listSentNotifications(store)));
  if (!settings.webhook.url)
    process.stdout.write(
      'set DTE_WEBHOOK_URL, or alerts.email / alerts.zalo in the config, to send them further\n',
    );
}
