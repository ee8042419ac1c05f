import type { Readable } from 'node:stream';

export interface ObjectInfo {
  key: string;
  size: number;
  /** ISO time of the last write, where the store knows it. */
  modified?: string;
}

/** An object written: its key and size. */
export interface WrittenObject {
  key: string;
  bytes: number;
}

export interface PutResult extends WrittenObject {
  /** Hex sha256 of the bytes written. */
  sha256: string;
}

export type Body = Buffer | string | Readable;

export interface PutOptions {
  contentType?: string;
  /** Bytes acknowledged by the store so far (S3 multipart uploads report each part). */
  onProgress?: (bytesSent: number) => void;
}

/**
 * The one storage interface of the pipeline. Keys are `/`-separated, relative to the store's root or
 * prefix, never starting with `/` and never containing `..` segments. Implementations: a local
 * directory (`file:DIR`) and S3 (`s3://bucket/prefix`).
 */
export interface PresignOptions {
  contentDisposition?: string;
}

export interface ObjectStore {
  /** The store's URL as configured (`file:./var/store`, `s3://bucket/prefix`); never holds secrets. */
  readonly url: string;
  /** Writes an object atomically: readers see the old object or the whole new one, never a part. */
  put(key: string, body: Body, options?: PutOptions): Promise<PutResult>;
  /**
   * Writes like `put` without hashing the bytes: for internal work files under `work/` whose sha256
   * nothing records or decides on (staged rows, keys, partial counts).
   */
  putUnhashed(key: string, body: Body, options?: PutOptions): Promise<WrittenObject>;
  /** Writes a small object only when no object has the key: true when written, false when one was there. */
  putIfAbsent(key: string, body: string): Promise<boolean>;
  /** A stream of the object's bytes; rejects with NotFoundError when the key does not exist. */
  get(key: string): Promise<Readable>;
  /** The object's size, or null when the key does not exist. */
  head(key: string): Promise<ObjectInfo | null>;
  /** Every object whose key starts with `prefix`, in key order (byte order of the UTF-8 keys). */
  list(prefix: string): AsyncIterable<ObjectInfo>;
  /** Removes the half-written files of crashed writes below `prefix` older than `olderThanMs` (local stores). */
  removeTemporary(prefix: string, olderThanMs: number): Promise<{ files: number; bytes: number }>;
  /** Removes an object; removing a missing key is not an error. */
  delete(key: string): Promise<void>;
  /**
   * A URL a plain HTTP client can GET for `expiresSeconds`, or null where the store has none (local);
   * with `contentDisposition`, the answer carries that header (the download's name).
   */
  presignGet(key: string, expiresSeconds: number, options?: PresignOptions): Promise<string | null>;
  /** Releases connections; the store is unusable afterwards. */
  close(): Promise<void>;
}
