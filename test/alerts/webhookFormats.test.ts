import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { readAll } from '../../src/store/bodies.js';
import { alertsContext, alertsInline, flatTarget } from '../support/alertsContext.js';
import { publishFake } from '../support/fakeSnapshot.js';

interface Hit {
  path: string;
  headers: IncomingHttpHeaders;
  body: Record<string, unknown>;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

/** One loopback receiver for every chat service; paths tell them apart, `fail` answers 500. */
async function receiver(fail = false) {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      hits.push({
        path: req.url ?? '',
        headers: req.headers,
        body: JSON.parse(Buffer.concat(chunks).toString()),
      });
      res.writeHead(fail ? 500 : 200).end(fail ? 'no' : 'ok');
    });
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, hits };
}

async function run(alerts: Record<string, unknown>, notify: Record<string, unknown>) {
  const t = await alertsContext(
    {
      snapshot_url: 'https://dte.example.gov.vn/?as_of={as_of}',
      delivery: { attempts: 2, backoff_ms: 5 },
      ...alerts,
    },
    [flatTarget('flat-10000', 10_000, { notify })],
  );
  await publishFake(t.ctx.store, '2025-01-31', 10_000);
  await alertsInline(t.ctx, '2025-01-31');
  await publishFake(t.ctx.store, '2025-02-28', 8765);
  return { ...t, outcome: await alertsInline(t.ctx, '2025-02-28') };
}

describe('webhook formats', () => {
  it('renders the same notification as Slack, Teams and Google Chat incoming-webhook messages', async () => {
    const r = await receiver();
    const { outcome } = await run(
      { language: 'vi' },
      {
        webhooks: [
          { url: `${r.base}/slack/T0/B0/XYZ`, format: 'slack' },
          { url: `${r.base}/teams/workflow?sig=abc`, format: 'teams' },
          { url: `${r.base}/chat/v1/spaces/S/messages?key=k&token=t`, format: 'google_chat' },
          `${r.base}/plain`,
        ],
      },
    );
    expect(outcome.failed).toEqual([]);
    expect(r.hits.length).toBe(4 * outcome.notifications);
    const id = (h: Hit) => String(h.headers['x-dte-notification-id']);
    const of = (prefix: string) => r.hits.filter((h) => h.path.startsWith(prefix));
    const slack = of('/slack')[0]!.body as {
      text: string;
      blocks: Array<{ type: string; fields?: Array<{ text: string }> }>;
    };
    expect(slack.text).toContain('8.765');
    expect(slack.blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'actions']);
    expect(slack.blocks[2]?.fields?.map((f) => f.text)).toContain('*Chênh lệch*\n−12,35 %');
    const teams = of('/teams')[0]!.body as {
      type: string;
      attachments: Array<{
        contentType: string;
        content: {
          type: string;
          body: Array<{ type: string; facts?: unknown[] }>;
          actions: Array<{ url: string }>;
        };
      }>;
    };
    expect(teams.type).toBe('message');
    expect(teams.attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(teams.attachments[0]?.content.type).toBe('AdaptiveCard');
    expect(teams.attachments[0]?.content.body.find((b) => b.type === 'FactSet')?.facts).toContainEqual({
      title: 'Thực tế',
      value: '8.765',
    });
    expect(teams.attachments[0]?.content.actions[0]?.url).toBe(
      'https://dte.example.gov.vn/?as_of=2025-02-28',
    );
    const chat = of('/chat')[0]!.body as {
      text: string;
      cardsV2: Array<{
        cardId: string;
        card: { header: { title: string }; sections: Array<{ widgets: unknown[] }> };
      }>;
    };
    expect(chat.text).toContain('28/02/2025');
    expect(chat.cardsV2[0]?.cardId).toBe(`dte-${id(of('/chat')[0]!)}`);
    expect(chat.cardsV2[0]?.card.sections[0]?.widgets).toContainEqual({
      decoratedText: { topLabel: 'Kỳ vọng', text: '10.000' },
    });
    const plain = of('/plain')[0]!;
    expect(plain.body).toMatchObject({
      id: id(plain),
      kind: expect.any(String),
      evaluation: { actual: 8765 },
    });
    // Every format carries the id receivers deduplicate on.
    expect(r.hits.every((h) => /^[0-9a-f]{24}$/.test(id(h)))).toBe(true);
  });

  it('never writes webhook credentials into a log line or alerts/failed/', async () => {
    const r = await receiver(true);
    const secretUrl = `${r.base.replace('http://', 'http://hookuser:hookpass@')}/services/T000/B000/SECRETTOKEN?key=KEYVALUE`;
    const { outcome, logs, ctx } = await run({ webhook: { url: secretUrl, format: 'slack' } }, {});
    expect(r.hits.length).toBeGreaterThan(0);
    // The URL's user and password went as a Basic header, not in the request line.
    expect(r.hits[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from('hookuser:hookpass').toString('base64')}`,
    );
    expect(outcome.failed.length).toBe(outcome.notifications);
    const stored: string[] = [];
    for await (const info of ctx.store.list('alerts/'))
      stored.push((await readAll(await ctx.store.get(info.key))).toString('utf8'));
    const everything = [...logs, ...stored, JSON.stringify(outcome)].join('\n');
    for (const secret of ['SECRETTOKEN', 'KEYVALUE', 'hookpass', 'T000'])
      expect(everything).not.toContain(secret);
    expect(everything).toContain('webhook slack http://127.0.0.1:');
  });
});
