import { parentPort, type TransferListItem } from 'node:worker_threads';
import { DteError } from '../domain/errors.js';
import { threadRequest } from './messages.js';

export interface Served {
  result: unknown;
  /** Buffers handed over rather than copied. */
  transfer?: TransferListItem[];
}

/** The message loop of a thread entry: each request to `handle`, its result or error back. */
export function serveThread(handle: (payload: unknown) => Promise<Served> | Served): void {
  const port = parentPort;
  if (!port) throw new Error('a thread entry runs only as a worker thread');
  port.on('message', async (message: unknown) => {
    const { id, payload } = threadRequest.parse(message);
    try {
      const { result, transfer } = await handle(payload);
      port.postMessage({ id, ok: true, result }, transfer);
    } catch (error) {
      const e = error instanceof Error ? error : new Error(String(error));
      const context = error instanceof DteError ? error.context : {};
      port.postMessage({
        id,
        ok: false,
        error: { name: e.name, message: e.message, stack: e.stack, context },
      });
    }
  });
}
