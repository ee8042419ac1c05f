import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { listSilences } from '../../src/alerts/index.js';
import { silencesSection } from '../../src/server/silencesSection.js';
import { readAll } from '../../src/store/bodies.js';
import { type AlertsTestContext, alertsContext, alertsInline } from '../support/alertsContext.js';
import { publishFake } from '../support/fakeSnapshot.js';

const run = promisify(execFile);
const received: string[] = [];
let server: Server;
let t: AlertsTestContext;
let configFile: string;

/** `dte alerts …` from the built CLI, on the test's config. */
async function dte(...args: string[]): Promise<{ stdout: string; code: number; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['dist/src/cli/main.js', 'alerts', ...args, '--config', configFile],
      {
        env: { ...process.env, DTE_OPERATOR: 'chuyen-vien-a', LOG_LEVEL: 'silent' },
      },
    );
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

async function history(asOf: string): Promise<Array<{ key: string; event: string; suppressed?: string }>> {
  const text = (await readAll(await t.ctx.store.get(`alerts/history/${asOf}.ndjson`))).toString('utf8');
  return text
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    received.push(String(req.headers['x-dte-notification-id']));
    res.writeHead(204).end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const alerts = { webhook: { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook` } };
  t = await alertsContext(alerts);
  configFile = path.join(t.dir, 'dte.yaml');
  await writeFile(
    configFile,
    stringify({
      store: `file:${path.join(t.dir, 'store')}`,
      targets: path.join(t.dir, 'targets.yaml'),
      alerts,
    }),
  );
});
afterAll(() => new Promise((r) => server.close(r)));

describe('silence and acknowledge', () => {
  it('records a silenced or acknowledged notification in history without sending it', async () => {
    await publishFake(t.ctx.store, '2025-01-31', 100);
    await alertsInline(t.ctx, '2025-01-31');
    await publishFake(t.ctx.store, '2025-02-28', 80);
    const fired = await alertsInline(t.ctx, '2025-02-28');
    expect(fired.notifications).toBeGreaterThan(0);
    expect(received.length).toBe(fired.notifications);

    const ack = await dte('ack', 'flat-100', '--note', 'Sở đã báo cáo UBND tỉnh', '--json');
    expect(ack.code).toBe(0);
    expect(JSON.parse(ack.stdout)).toMatchObject({
      target_id: 'flat-100',
      ack: {
        states: { 'target:flat-100:level': 'critical' },
        by: 'chuyen-vien-a',
        note: 'Sở đã báo cáo UBND tỉnh',
      },
    });
    // Ten days later, still critical: the repeat is recorded, acknowledged, and not sent.
    await publishFake(t.ctx.store, '2025-03-10', 80);
    const repeat = await alertsInline(t.ctx, '2025-03-10');
    const level = (await history('2025-03-10')).find((n) => n.key === 'target:flat-100:level');
    expect(level).toMatchObject({ event: 'repeat', suppressed: 'acknowledged' });
    expect(repeat.delivered).toBe(0);
    expect(received.length).toBe(fired.notifications);

    const silence = await dte(
      'silence',
      'flat-100',
      '--until',
      '2025-04-30',
      '--reason',
      'Chờ số liệu quý II',
      '--json',
    );
    expect(silence.code).toBe(0);
    expect(JSON.parse(silence.stdout).silence).toMatchObject({
      until: '2025-04-30',
      reason: 'Chờ số liệu quý II',
    });
    // Back on track while silenced: resolved is recorded and not sent.
    await publishFake(t.ctx.store, '2025-03-31', 100);
    await alertsInline(t.ctx, '2025-03-31');
    expect((await history('2025-03-31')).find((n) => n.key === 'target:flat-100:level')).toMatchObject({
      event: 'resolved',
      suppressed: 'silenced',
    });
    expect(received.length).toBe(fired.notifications);

    const html = silencesSection(await listSilences(t.ctx.store), 'vi', '2025-03-31');
    expect(html).toContain('Tạm dừng gửi cảnh báo đến hết ngày 30/04/2025: Chờ số liệu quý II');
    expect(html).toContain('Đã xác nhận (chậm nghiêm trọng): Sở đã báo cáo UBND tỉnh');
    expect(silencesSection(await listSilences(t.ctx.store), 'en', '2025-05-31')).toContain(
      'Silence ended (through 30 Apr 2025)',
    );

    // After the silence, a new firing is sent: an acknowledgement covers repeats only.
    expect((await dte('unsilence', 'flat-100')).code).toBe(0);
    await publishFake(t.ctx.store, '2025-05-31', 80);
    const again = await alertsInline(t.ctx, '2025-05-31');
    expect((await history('2025-05-31')).find((n) => n.key === 'target:flat-100:level')).toMatchObject({
      event: 'firing',
    });
    expect(received.length).toBe(fired.notifications + again.delivered / 2);
    expect(again.delivered).toBeGreaterThan(0);

    const list = await dte('silences', '--json');
    expect(JSON.parse(list.stdout)).toEqual([
      expect.objectContaining({ target_id: 'flat-100', silence: null }),
    ]);
  }, 60_000);

  it('refuses unknown targets and impossible dates with the usage exit code', async () => {
    expect((await dte('silence', 'no-such-target', '--until', '2025-04-30', '--reason', 'x')).code).toBe(2);
    expect((await dte('silence', 'flat-100', '--until', '2025-02-30', '--reason', 'x')).code).toBe(2);
    expect((await dte('ack', 'no-such-target')).code).toBe(2);
  }, 30_000);
});
