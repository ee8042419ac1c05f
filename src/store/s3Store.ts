import { PassThrough, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  CreateBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type ListObjectsV2CommandOutput,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { DteError, NotFoundError, StorageError, UsageError } from '../domain/errors.js';
import { ByteCounter, HashingCounter, toReadable } from './bodies.js';
import { assertSafeKey } from './keys.js';
import type {
  Body,
  ObjectInfo,
  ObjectStore,
  PresignOptions,
  PutOptions,
  PutResult,
  WrittenObject,
} from './objectStore.js';

export interface S3StoreOptions {
  endpoint?: string;
  region?: string;
  forcePathStyle?: boolean;
  /** Attempts per request, the SDK's own retries with backoff included (default 4). */
  maxAttempts?: number;
  /** Keys per list page (S3's maximum is 1000). */
  pageSize?: number;
  credentials?: S3ClientConfig['credentials'];
}

const PART_SIZE = 8 * 1024 * 1024;

/** `s3://bucket/prefix` on AWS S3 or any S3-compatible server (SeaweedFS, s3rver). */
export class S3Store implements ObjectStore {
  readonly url: string;
  private readonly bucket: string;
  private readonly root: string;
  private readonly client: S3Client;
  private readonly endpoint: string;
  private readonly pageSize: number;

  constructor(url: string, options: S3StoreOptions = {}) {
    const match = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])(?:\/(.*))?$/.exec(url);
    if (!match) throw new UsageError(`not an S3 store URL: ${url} (expected s3://bucket/prefix)`);
    this.url = url;
    this.bucket = match[1]!;
    const prefix = (match[2] ?? '').replace(/\/+$/, '');
    this.root = prefix ? `${prefix}/` : '';
    this.endpoint = options.endpoint ?? 'AWS S3';
    this.pageSize = options.pageSize ?? 1000;
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region ?? 'us-east-1',
      forcePathStyle: options.forcePathStyle,
      maxAttempts: options.maxAttempts ?? 4,
      credentials: options.credentials,
      // Servers other than AWS store streamed uploads with their chunk framing otherwise.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  private keyOf(key: string): string {
    return this.root + assertSafeKey(key);
  }

  /** S3's answers as errors a person can act on: which bucket, which endpoint, which key. */
  private translate(error: unknown, op: string, key?: string): Error {
    const e = error as {
      name?: string;
      code?: string;
      $metadata?: { httpStatusCode?: number; attempts?: number };
      message?: string;
    };
    const context = { store: this.url, key: key ?? '', op };
    if (e.name === 'NoSuchBucket')
      return new DteError(`bucket ${this.bucket} does not exist at ${this.endpoint}`, context, {
        cause: error,
      });
    if (e.name === 'NoSuchKey' || e.name === 'NotFound' || e.$metadata?.httpStatusCode === 404)
      return new NotFoundError(`no object ${key} in ${this.url}`, context);
    const network = ['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'ETIMEDOUT', 'TimeoutError'].some(
      (c) => e.code === c || e.name === c || String(e.message).includes(c),
    );
    const cause = e.code ?? e.name ?? 'Error';
    if (network)
      return new StorageError(
        `S3 endpoint ${this.endpoint} does not answer (${op} after ${e.$metadata?.attempts ?? 'several'} attempts): ${e.message}`,
        { ...context, cause },
        { cause: error },
      );
    return new StorageError(
      `S3 ${op} failed: ${e.name ?? ''} ${e.message ?? String(error)}`.trim(),
      { ...context, cause },
      {
        cause: error,
      },
    );
  }

  async put(key: string, body: Body, options: PutOptions = {}): Promise<PutResult> {
    const counter = new HashingCounter();
    await this.upload(key, body, options, counter);
    return { key, bytes: counter.bytes, sha256: counter.digest() };
  }

  async putUnhashed(key: string, body: Body, options: PutOptions = {}): Promise<WrittenObject> {
    const counter = new ByteCounter();
    await this.upload(key, body, options, counter);
    return { key, bytes: counter.bytes };
  }

  /** Streams the bytes up in parts through `counter`, which counts (and may hash) them. */
  private async upload(key: string, body: Body, options: PutOptions, counter: ByteCounter): Promise<void> {
    const Key = this.keyOf(key);
    const stream = new PassThrough();
    const upload = new Upload({
      client: this.client,
      params: { Bucket: this.bucket, Key, Body: stream, ContentType: options.contentType },
      partSize: PART_SIZE,
      queueSize: 2,
      leavePartsOnError: false,
    });
    if (options.onProgress) upload.on('httpUploadProgress', (p) => options.onProgress?.(p.loaded ?? 0));
    try {
      await Promise.all([pipeline(toReadable(body), counter, stream), upload.done()]);
    } catch (error) {
      stream.destroy();
      throw this.translate(error, 'put', key);
    }
  }

  async putIfAbsent(key: string, body: string): Promise<boolean> {
    const Key = this.keyOf(key);
    try {
      // S3 and MinIO refuse the write with 412 when the key exists: the server decides who was first.
      await this.client.send(
        new PutObjectCommand({ Bucket: this.bucket, Key, Body: body, IfNoneMatch: '*' }),
      );
      return true;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status === 412 || status === 409) return false;
      throw this.translate(error, 'put', key);
    }
  }

  async get(key: string): Promise<Readable> {
    const Key = this.keyOf(key);
    try {
      const out = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key }));
      return out.Body as Readable;
    } catch (error) {
      throw this.translate(error, 'get', key);
    }
  }

  async head(key: string): Promise<ObjectInfo | null> {
    const Key = this.keyOf(key);
    try {
      const out = await this.client.send(new HeadObjectCommand({ Bucket: this.bucket, Key }));
      return { key, size: out.ContentLength ?? 0 };
    } catch (error) {
      const translated = this.translate(error, 'head', key);
      if (translated instanceof NotFoundError) return null;
      throw translated;
    }
  }

  async *list(prefix: string): AsyncIterable<ObjectInfo> {
    let token: string | undefined;
    do {
      let page: ListObjectsV2CommandOutput;
      try {
        page = await this.client.send(
          new ListObjectsV2Command({
            Bucket: this.bucket,
            Prefix: this.root + prefix,
            ContinuationToken: token,
            MaxKeys: this.pageSize,
          }),
        );
      } catch (error) {
        throw this.translate(error, 'list', prefix);
      }
      for (const item of page.Contents ?? []) {
        if (item.Key)
          yield {
            key: item.Key.slice(this.root.length),
            size: item.Size ?? 0,
            modified: item.LastModified?.toISOString(),
          };
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
  }

  /** S3 writes are atomic (a failed upload is aborted): there are no temporary objects to remove. */
  async removeTemporary(): Promise<{ files: number; bytes: number }> {
    return { files: 0, bytes: 0 };
  }

  async delete(key: string): Promise<void> {
    const Key = this.keyOf(key);
    try {
      await this.client.send(new DeleteObjectCommand({ Bucket: this.bucket, Key }));
    } catch (error) {
      throw this.translate(error, 'delete', key);
    }
  }

  presignGet(key: string, expiresSeconds: number, options: PresignOptions = {}): Promise<string> {
    const command = new GetObjectCommand({
      Bucket: this.bucket,
      Key: this.keyOf(key),
      ResponseContentDisposition: options.contentDisposition,
    });
    return getSignedUrl(this.client, command, { expiresIn: expiresSeconds });
  }

  /** Creates the bucket when it is missing (`dte store init`); true when it was created. */
  async ensureBucket(): Promise<boolean> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.bucket }));
      return false;
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
      if (status !== 404) throw this.translate(error, 'head bucket');
    }
    try {
      await this.client.send(new CreateBucketCommand({ Bucket: this.bucket }));
      return true;
    } catch (error) {
      throw this.translate(error, 'create bucket');
    }
  }

  async close(): Promise<void> {
    this.client.destroy();
  }
}
