import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ZNS_PARAM_MAX } from '../../src/alerts/channels/index.js';
import { readAll } from '../../src/store/bodies.js';
import { alertsContext, alertsInline, flatTarget } from '../support/alertsContext.js';
import { publishFake } from '../support/fakeSnapshot.js';

const TOKEN = 'oa-access-token-never-logged';
const saved = process.env.DTE_ZALO_ACCESS_TOKEN;
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
  if (saved === undefined) delete process.env.DTE_ZALO_ACCESS_TOKEN;
  else process.env.DTE_ZALO_ACCESS_TOKEN = saved;
});

interface ZnsRequest {
  phone: string;
  template_id: string;
  template_data: Record<string, string>;
  tracking_id: string;
}

/**
 * A stand-in for ZNS on loopback that checks the documented request (POST /message/template,
 * `access_token` header, JSON body phone/template_id/template_data/tracking_id, every parameter a
 * string of at most 400 characters) and answers `{ error, message, data }` with HTTP 200, as ZNS does.
 */
async function zns(answer: (n: number) => { error: number; message: string }) {
  const seen: ZnsRequest[] = [];
  const problems: string[] = [];
  const server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const check = (ok: boolean, what: string) => {
        if (!ok) problems.push(what);
      };
      check(req.method === 'POST' && req.url === '/message/template', `${req.method} ${req.url}`);
      check(req.headers.access_token === TOKEN, 'access_token header');
      check(String(req.headers['content-type']).startsWith('application/json'), 'content-type');
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ZnsRequest;
      check(/^84\d{9}$/.test(body.phone), `phone ${body.phone}`);
      check(/^\d+$/.test(body.template_id), 'template_id');
      check(typeof body.tracking_id === 'string' && body.tracking_id.length > 0, 'tracking_id');
      check(Object.keys(body).sort().join() === 'phone,template_data,template_id,tracking_id', 'body keys');
      for (const [k, v] of Object.entries(body.template_data))
        check(typeof v === 'string' && v.length <= ZNS_PARAM_MAX, `template_data.${k}`);
      seen.push(body);
      const a = answer(seen.length);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          a.error === 0
            ? { error: 0, message: a.message, data: { msg_id: `m${seen.length}`, sent_time: '1', quota: {} } }
            : a,
        ),
      );
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, problems };
}

async function behindOnZalo(baseUrl: string, title?: string) {
  process.env.DTE_ZALO_ACCESS_TOKEN = TOKEN;
  const t = await alertsContext(
    {
      snapshot_url: 'https://dte.example.gov.vn/?as_of={as_of}',
      zalo: { template_id: '301234', base_url: baseUrl, timeout_ms: 2000 },
      delivery: { attempts: 3, backoff_ms: 10 },
    },
    [flatTarget('flat-100', 100, { notify: { phones: ['0912 345 678'] }, ...(title ? { title } : {}) })],
  );
  await publishFake(t.ctx.store, '2025-01-31', 100);
  await alertsInline(t.ctx, '2025-01-31');
  await publishFake(t.ctx.store, '2025-02-28', 80);
  return { ...t, outcome: await alertsInline(t.ctx, '2025-02-28') };
}

describe('Zalo ZNS channel', () => {
  it('sends the documented template request; an error code answered with HTTP 200 fails and is retried', async () => {
    const server = await zns((n) =>
      n === 1 ? { error: -124, message: 'Access token is invalid' } : { error: 0, message: 'Success' },
    );
    const { outcome, logs } = await behindOnZalo(server.url);
    expect(server.problems).toEqual([]);
    expect(outcome.failed).toEqual([]);
    expect(outcome.notifications).toBeGreaterThan(0);
    // The first answer was an error: that notification was sent again, with the same tracking id.
    expect(server.seen.length).toBe(outcome.notifications + 1);
    expect(server.seen[0]?.tracking_id).toBe(server.seen[1]?.tracking_id);
    const first = server.seen[1]!;
    expect(first.phone).toBe('84912345678');
    expect(first.template_id).toBe('301234');
    expect(first.tracking_id).toMatch(/^[0-9a-f]{24}$/);
    expect(first.template_data).toMatchObject({
      as_of: '28/02/2025',
      actual: '80',
      expected: '100',
      gap: '−20 %',
      status: 'chậm nghiêm trọng',
      link: 'https://dte.example.gov.vn/?as_of=2025-02-28',
    });
    expect(logs.join('')).not.toContain(TOKEN);
    expect(logs.join('')).not.toContain('84912345678');
  });

  it('gives up after every attempt, records the failure, and keeps parameters within 400 characters', async () => {
    const server = await zns(() => ({ error: -108, message: 'Phone number is invalid' }));
    const { outcome, ctx } = await behindOnZalo(server.url, `Kế hoạch ${'rất '.repeat(150)}dài`);
    expect(server.problems).toEqual([]);
    expect(outcome.failed.length).toBe(outcome.notifications);
    expect(server.seen.length).toBe(3 * outcome.notifications);
    expect(outcome.failed[0]?.error).toMatch(/ZNS error -108/);
    const target = server.seen[0]!.template_data.target!;
    expect(target.length).toBe(ZNS_PARAM_MAX);
    expect(target.endsWith('…')).toBe(true);
    const f = outcome.failed[0]!;
    const stored = (
      await readAll(await ctx.store.get(`alerts/failed/${f.id}.${f.destination}.json`))
    ).toString();
    expect(JSON.parse(stored)).toMatchObject({ channel: 'zalo', to: 'zalo 8491…678' });
  });
});
