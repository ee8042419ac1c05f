import { appendFileSync } from 'node:fs';

export async function load(url, context, nextLoad) {
  if (process.env.DTE_MODULE_LOG) appendFileSync(process.env.DTE_MODULE_LOG, `${url}\n`);
  return nextLoad(url, context);
}
