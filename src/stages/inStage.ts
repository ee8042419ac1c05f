import { StorageError } from '../domain/errors.js';
import { ioCode } from '../store/storageError.js';

export interface StageWhere {
  stage: 'ingest' | 'classify' | 'aggregate' | 'publish' | 'alerts';
  asOf: string;
  feed?: string;
  partition?: number;
  runId?: string;
}

/**
 * Runs a stage handler so that a storage failure anywhere inside it (the store, a temp file, a
 * stream cut short) comes out as one StorageError naming the stage, the feed or partition, the key
 * or file and the cause; other errors pass unchanged.
 */
export async function inStage<T>(where: StageWhere, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw located(error, where);
  }
}

function located(error: unknown, where: StageWhere): unknown {
  const fields = Object.fromEntries(Object.entries(where).filter(([, v]) => v !== undefined));
  if (error instanceof StorageError) {
    Object.assign(error.context, fields, error.context);
    return error;
  }
  const code = ioCode(error);
  if (code === null) return error;
  const file = (error as { path?: unknown }).path;
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(
    `${where.stage} failed: ${message}`,
    { ...fields, ...(typeof file === 'string' ? { file } : {}), cause: code },
    { cause: error },
  );
}
