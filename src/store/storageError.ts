import { DteError, NotFoundError, StorageError } from '../domain/errors.js';

/** Errno and stream codes that mean the bytes could not be stored or read, not that they were wrong. */
const IO_CODES = new Set([
  'ENOSPC',
  'EDQUOT',
  'EIO',
  'EROFS',
  'EMFILE',
  'ENFILE',
  'EPIPE',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'ERR_STREAM_PREMATURE_CLOSE',
  'ERR_STREAM_DESTROYED',
  'ABORT_ERR',
]);

/** The errno or stream code of an error (its name for AbortError-like errors), if it has one. */
export function ioCode(error: unknown): string | null {
  const e = error as { code?: unknown; name?: unknown } | null;
  if (typeof e?.code === 'string' && IO_CODES.has(e.code)) return e.code;
  if (e?.name === 'AbortError') return 'ABORT_ERR';
  return null;
}

/**
 * The one error of a failed store operation, naming the key, the operation and the cause (`ENOSPC`,
 * `EIO`, an S3 error name); errors that already say what went wrong (not found, a DteError) pass as
 * they are.
 */
export function storageError(op: 'get' | 'put' | 'list' | 'delete', key: string, error: unknown): Error {
  if (error instanceof StorageError || error instanceof NotFoundError) return error;
  if (error instanceof DteError && ioCode(error.cause) === null) return error;
  const cause =
    ioCode(error) ??
    String((error as { code?: unknown; name?: unknown })?.code ?? (error as Error)?.name ?? 'Error');
  const message = error instanceof Error ? error.message : String(error);
  return new StorageError(`cannot ${op} ${key}: ${message}`, { key, op, cause }, { cause: error });
}
