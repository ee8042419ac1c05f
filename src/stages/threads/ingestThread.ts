/**
 * A worker thread of one feed's ingest: validates the record batches the ingest handler sends it
 * and hands back their staged lines. Its row caches live as long as the thread, that is one parse.
 */
import { workerData } from 'node:worker_threads';
import { loadIndustryCatalog } from '../../classify/index.js';
import { rowContext } from '../../input/index.js';
import { batchOf, stageBatch } from '../../staging/stageBatch.js';
import { serveThread } from '../../threads/serve.js';
import { ingestRequest, ingestThreadSetup } from './ingestMessages.js';

const setup = ingestThreadSetup.parse(workerData);
const ctx = rowContext({ ...setup.options, industry: loadIndustryCatalog() });

serveThread((payload) => {
  const staged = stageBatch(batchOf(ingestRequest.parse(payload)), ctx, setup.partitions);
  const transfer = [...staged.parts, ...staged.keys]
    .filter((p): p is Uint8Array => p !== null)
    .map((p) => p.buffer as ArrayBuffer);
  return { result: staged, transfer };
});
