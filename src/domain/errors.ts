/** Context every pipeline error carries so that it reaches pino as structured fields. */
export interface ErrorContext {
  feed?: string;
  file?: string;
  row?: number;
  jobId?: string;
  asOf?: string;
  key?: string;
  [field: string]: string | number | boolean | undefined;
}

export class DteError extends Error {
  readonly context: ErrorContext;
  constructor(message: string, context: ErrorContext = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.context = context;
  }

  /** The message with its context, on one line: `cannot read … (feed=national file=x.csv)`. */
  describe(): string {
    const where = Object.entries(this.context)
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => `${k}=${v}`)
      .join(' ');
    return where ? `${this.message} (${where})` : this.message;
  }
}

/** A whole input file cannot be read: its feed fails and nothing of the run is published. */
export class FileRejectedError extends DteError {}

/** A configuration, payload or command-line value that does not validate. Exit code 2 on the CLI. */
export class UsageError extends DteError {}

/** A key that is not in the object store. */
export class NotFoundError extends DteError {}

/** An export's bytes are not text in the encoding it declares (or UTF-8 without a BOM). */
export class InvalidEncodingError extends DteError {}

/** The compiled code a worker thread would run is missing or older than the source beside it. */
export class BuildError extends DteError {}

/** Another run holds the lease on this as-of date: a second run of it must not start (exit code 4). */
export class AlreadyRunningError extends DteError {}

/** An earlier as-of date is still running: this later one would compare with the wrong previous snapshot (exit code 5). */
export class EarlierDateRunningError extends DteError {}

/** Reading or writing the store (or a local temp file) failed: disk full, I/O error, S3 error, aborted stream. */
export class StorageError extends DteError {}

/** One line of an error for ops: a pipeline error with its context, else its message. */
export function errorLine(error: unknown): string {
  if (error instanceof DteError) return error.describe();
  return error instanceof Error ? error.message : String(error);
}
