import { z } from 'zod';

export const fileSourceSchema = z.strictObject({ type: z.literal('file'), path: z.string().min(1) });

export const httpSourceSchema = z.strictObject({
  type: z.literal('http'),
  url: z.string().url(),
  timeout_ms: z.number().int().positive().default(60_000),
  retries: z.number().int().min(0).max(10).default(3),
  backoff_ms: z.number().int().min(1).default(1000),
  max_bytes: z
    .number()
    .int()
    .positive()
    .default(2 * 1024 ** 3),
  headers: z.record(z.string(), z.string()).default({}),
});

export const s3SourceSchema = z.strictObject({
  type: z.literal('s3'),
  url: z.string().regex(/^s3:\/\/[^/]+\/.*$/, 'expected s3://bucket/key or s3://bucket/prefix/'),
  newest: z.boolean().default(false),
});

export const sourceSchema = z.discriminatedUnion('type', [
  fileSourceSchema,
  httpSourceSchema,
  s3SourceSchema,
]);
export type SourceConfig = z.infer<typeof sourceSchema>;
