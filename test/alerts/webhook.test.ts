import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { listSentNotifications } from '../../src/alerts/sent.js';
import { configSchema } from '../../src/config/schema.js';
import type { PipelineContext } from '../../src/context/context.js';
import { inlineDeliveries } from '../../src/runners/inlineDeliveries.js';
import { afterPublish } from '../../src/stages/afterPublish.js';
import { LocalStore } from '../../src/store/localStore.js';
import { publishFake, writeFlatTarget } from '../support/fakeSnapshot.js';
import { tempDir } from '../support/pipelineContext.js';

const SECRET = 'a-shared-secret-for-the-test';

interface Receiver {
  url: string;
  accepted: Array<{ id: string; body: Record<string, unknown> }>;
  attempts: number;
  badSignatures: number;
  server: Server;
}

/** A webhook receiver on loopback that checks every signature and fails as told. */
async function receiver(fail: (attempt: number) => boolean): Promise<Receiver> {
  const r: Receiver = { url: '', accepted: [], attempts: 0, badSignatures: 0, server: createServer() };
  r.server.on('request', (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      r.attempts++;
      const body = Buffer.concat(chunks).toString('utf8');
      const timestamp = String(req.headers['x-dte-timestamp'] ?? '');
      const expected = `sha256=${createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')}`;
      if (
        req.headers['x-dte-signature'] !== expected ||
        Math.abs(Date.now() / 1000 - Number(timestamp)) > 300
      ) {
        r.badSignatures++;
        res.writeHead(401).end();
        return;
      }
      if (fail(r.attempts)) {
        res.writeHead(503).end();
        return;
      }
      const parsed = JSON.parse(body) as Record<string, unknown>;
      r.accepted.push({ id: String(parsed.id), body: parsed });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
  r.url = `http://127.0.0.1:${(r.server.address() as AddressInfo).port}/hook`;
  return r;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function contextFor(url: string): Promise<PipelineContext> {
  const dir = await tempDir('dte-webhook-');
  return {
    store: new LocalStore(path.join(dir, 'store')),
    logger: pino({ level: 'silent' }),
    config: configSchema.parse({
      targets: await writeFlatTarget(dir),
      alerts: {
        webhook: { url, secret: SECRET, timeout_ms: 2000 },
        delivery: { attempts: 4, backoff_ms: 20 },
      },
    }),
    baseDir: dir,
    codeVersion: 'test',
  };
}

describe('webhook delivery', () => {
  it('signs every delivery; a receiver that fails twice then accepts gets each notification exactly once', async () => {
    const r = await receiver((attempt) => attempt <= 2);
    servers.push(r.server);
    const ctx = await contextFor(r.url);
    await publishFake(ctx.store, '2025-01-31', 100);
    await afterPublish(ctx, '2025-01-31', inlineDeliveries);
    await publishFake(ctx.store, '2025-02-28', 80);
    const outcome = await afterPublish(ctx, '2025-02-28', inlineDeliveries);
    expect(outcome.notifications).toBeGreaterThan(0);
    expect(outcome.deliveries.failed).toEqual([]);
    expect(r.badSignatures).toBe(0);
    const ids = r.accepted.map((a) => a.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(outcome.notifications);
    expect(r.attempts).toBe(outcome.notifications + 2);
    const first = r.accepted[0]!.body;
    expect(first.text).toMatch(/Thanh Hóa/);
    expect(first.evaluation).toMatchObject({ target_id: 'flat-100', actual: 80, expected: 100 });
    // Evaluating and delivering the same snapshot again sends nothing.
    await afterPublish(ctx, '2025-02-28', inlineDeliveries);
    expect(r.accepted.map((a) => a.id)).toEqual(ids);
    // `dte alerts sent` (and the demo) read back where each notification went.
    const sent = await listSentNotifications(ctx.store, '2025-02-28');
    expect(sent.map((n) => n.id).sort()).toEqual([...ids].sort());
    for (const n of sent) {
      expect(n.subject).toBe('flat-100');
      expect(n.deliveries.map((d) => [d.destination, d.status]).sort()).toEqual([
        ['log', 'delivered'],
        ['webhook', 'delivered'],
      ]);
      expect(n.deliveries.find((d) => d.destination === 'webhook')?.to).toContain('127.0.0.1');
    }
  });

  it('gives up on a receiver that always fails, records the failed delivery, and the run goes on', async () => {
    const r = await receiver(() => true);
    servers.push(r.server);
    const ctx = await contextFor(r.url);
    await publishFake(ctx.store, '2025-01-31', 100);
    await afterPublish(ctx, '2025-01-31', inlineDeliveries);
    await publishFake(ctx.store, '2025-02-28', 80);
    const outcome = await afterPublish(ctx, '2025-02-28', inlineDeliveries);
    expect(outcome.deliveries.failed.length).toBe(outcome.notifications);
    expect(outcome.deliveries.failed.every((f) => f.channel === 'webhook' && /503/.test(f.error))).toBe(true);
    expect(r.attempts).toBe(4 * outcome.notifications);
    expect(
      await ctx.store.head(`alerts/failed/${outcome.deliveries.failed[0]!.id}.webhook.json`),
    ).not.toBeNull();
    const webhook = (await listSentNotifications(ctx.store, '2025-02-28')).map((n) =>
      n.deliveries.find((d) => d.destination === 'webhook'),
    );
    expect(webhook.length).toBe(outcome.notifications);
    expect(webhook.every((d) => d?.status === 'failed' && /503/.test(d.error ?? ''))).toBe(true);
  });
});
