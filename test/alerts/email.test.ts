import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import { sendOpsNotification } from '../../src/stages/opsNotification.js';
import { readAll } from '../../src/store/bodies.js';
import { alertsContext, alertsInline, flatTarget } from '../support/alertsContext.js';
import { publishFake } from '../support/fakeSnapshot.js';
import { loopbackCertificate, startSmtp, type TestSmtp } from '../support/smtp.js';

const PASSWORD = 'smtp-password-never-logged';
const servers: TestSmtp[] = [];
const savedPassword = process.env.DTE_SMTP_PASSWORD;

afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  if (savedPassword === undefined) delete process.env.DTE_SMTP_PASSWORD;
  else process.env.DTE_SMTP_PASSWORD = savedPassword;
});

function isPng(bytes: Buffer): boolean {
  return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
}

/** A 10.000-DTE target that falls to 9.021 (−9,79 %: behind) on 2025-06-30, emailed over STARTTLS with AUTH. */
async function behindByEmail(smtp: TestSmtp, caFile: string) {
  const t = await alertsContext(
    {
      language: 'vi',
      snapshot_url: 'https://dte.example.gov.vn/?as_of={as_of}',
      email: {
        from: 'Sở KH&CN <canh-bao@skhcn.example.gov.vn>',
        smtp: {
          host: '127.0.0.1',
          port: smtp.port,
          require_tls: true,
          user: 'dte',
          ca_file: caFile,
          timeout_ms: 5000,
        },
      },
      recipients: { emails: ['lanh-dao@tinh.example.gov.vn'] },
      ops: { emails: ['van-hanh@skhcn.example.gov.vn'] },
      delivery: { attempts: 2, backoff_ms: 10 },
    },
    [flatTarget('ten-thousand', 10_000)],
  );
  await publishFake(t.ctx.store, '2025-01-31', 10_000);
  await alertsInline(t.ctx, '2025-01-31');
  await publishFake(t.ctx.store, '2025-06-30', 9021);
  const outcome = await alertsInline(t.ctx, '2025-06-30');
  return { ...t, outcome };
}

async function tlsServer(password = PASSWORD) {
  const tls = await loopbackCertificate();
  const smtp = await startSmtp({ tls, user: 'dte', password });
  servers.push(smtp);
  return { smtp, cert: tls.cert };
}

describe('email channel against a real SMTP server', () => {
  it('sends Vietnamese HTML and text with the chart inline, over STARTTLS with AUTH, Message-ID from the notification id', async () => {
    const { smtp, cert } = await tlsServer();
    process.env.DTE_SMTP_PASSWORD = PASSWORD;
    const caDir = (await alertsContext({})).dir;
    const caFile = path.join(caDir, 'ca.pem');
    await writeFile(caFile, cert);
    const { outcome, logs, ctx } = await behindByEmail(smtp, caFile);
    expect(outcome.failed).toEqual([]);
    expect(outcome.notifications).toBeGreaterThan(0);
    expect(smtp.mails.length).toBe(outcome.notifications);
    expect(smtp.mails.every((m) => m.secure && m.user === 'dte')).toBe(true);
    expect(smtp.authAttempts.every((a) => a.password === PASSWORD)).toBe(true);
    // Leadership's notifications go to the default recipients, never to the ops route.
    expect(smtp.mails.every((m) => m.to.join() === 'lanh-dao@tinh.example.gov.vn')).toBe(true);

    const parsed = await Promise.all(smtp.mails.map((m) => simpleParser(m.raw, { keepCidLinks: true })));
    const behind = parsed.find((p) => /chậm tiến độ/.test(p.subject ?? ''));
    expect(behind).toBeDefined();
    const mail = behind!;
    expect(mail.subject).toBe('Cảnh báo — Thanh Hóa (chậm tiến độ)');
    expect(mail.messageId).toMatch(/^<[0-9a-f]{24}@skhcn\.example\.gov\.vn>$/);
    const id = mail.messageId!.slice(1, 25);
    expect(mail.headers.get('x-dte-notification-id')).toBe(id);
    expect(mail.from?.value[0]).toMatchObject({ address: 'canh-bao@skhcn.example.gov.vn', name: 'Sở KH&CN' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0]?.address : null).toBe(
      'lanh-dao@tinh.example.gov.vn',
    );
    for (const body of [mail.text ?? '', String(mail.html)]) {
      expect(body).toContain('9.021');
      expect(body).toContain('10.000');
      expect(body).toContain('9,79 %');
      expect(body).toContain('30/06/2025');
      expect(body).toContain('https://dte.example.gov.vn/?as_of=2025-06-30');
    }
    expect(mail.text).toContain('Chênh lệch: −9,79 %');
    const image = mail.attachments.find((a) => a.contentType === 'image/png');
    expect(image).toBeDefined();
    expect(isPng(image!.content)).toBe(true);
    expect(image!.content.readUInt32BE(16)).toBe(1280);
    expect(image!.cid).toBe(`chart-${id}@dte-pipeline`);
    expect(String(mail.html)).toContain(`src="cid:${image!.cid}"`);
    expect(logs.join('')).not.toContain(PASSWORD);

    // A failure of the pipeline itself goes to the ops route only.
    const before = smtp.mails.length;
    const ops = await sendOpsNotification(ctx, {
      kind: 'run_failed',
      as_of: '2025-06-30',
      subject: 'run20250630',
      detail: 'ingest national: connection reset',
    });
    expect(ops.failed).toBe(0);
    expect(smtp.mails.length).toBe(before + 1);
    expect(smtp.mails.at(-1)?.to).toEqual(['van-hanh@skhcn.example.gov.vn']);
    const opsMail = await simpleParser(smtp.mails.at(-1)!.raw);
    expect(opsMail.subject).toContain('Lượt chạy thất bại');
    expect(opsMail.attachments).toEqual([]);
    // Sent once: a retried stage reporting the same failure again sends nothing new.
    await sendOpsNotification(ctx, {
      kind: 'run_failed',
      as_of: '2025-06-30',
      subject: 'run20250630',
      detail: 'ingest national: connection reset',
    });
    expect(smtp.mails.length).toBe(before + 1);
  }, 30_000);

  it('fails and records the delivery when the password is refused, without logging it', async () => {
    const { smtp, cert } = await tlsServer('the-right-password');
    process.env.DTE_SMTP_PASSWORD = PASSWORD;
    const caFile = path.join((await alertsContext({})).dir, 'ca.pem');
    await writeFile(caFile, cert);
    const { outcome, logs, ctx } = await behindByEmail(smtp, caFile);
    expect(smtp.mails).toEqual([]);
    expect(outcome.failed.length).toBe(outcome.notifications);
    expect(
      outcome.failed.every((f) => f.channel === 'email' && /Invalid username or password/.test(f.error)),
    ).toBe(true);
    const failed = outcome.failed[0]!;
    const stored = await ctx.store.get(`alerts/failed/${failed.id}.${failed.destination}.json`);
    const text = (await readAll(stored)).toString('utf8');
    expect(text).toContain('lanh-dao@tinh.example.gov.vn');
    expect(text).not.toContain(PASSWORD);
    expect(logs.join('')).not.toContain(PASSWORD);
  }, 30_000);

  it('refuses to send in clear when STARTTLS is required and the server does not offer it', async () => {
    const smtp = await startSmtp({});
    servers.push(smtp);
    delete process.env.DTE_SMTP_PASSWORD;
    const t = await alertsContext({
      email: {
        from: 'dte@skhcn.example.gov.vn',
        smtp: { host: '127.0.0.1', port: smtp.port, timeout_ms: 5000 },
      },
      recipients: { emails: ['lanh-dao@tinh.example.gov.vn'] },
      delivery: { attempts: 1, backoff_ms: 10 },
    });
    await publishFake(t.ctx.store, '2025-01-31', 100);
    await alertsInline(t.ctx, '2025-01-31');
    await publishFake(t.ctx.store, '2025-02-28', 80);
    const outcome = await alertsInline(t.ctx, '2025-02-28');
    expect(smtp.mails).toEqual([]);
    expect(outcome.failed.length).toBe(outcome.notifications);
    expect(outcome.failed[0]?.error).toMatch(/STARTTLS/i);
  }, 30_000);

  it('sends in clear to a server without TLS when require_tls is off', async () => {
    const smtp = await startSmtp({});
    servers.push(smtp);
    const t = await alertsContext(
      {
        language: 'en',
        email: {
          from: 'dte@skhcn.example.gov.vn',
          smtp: { host: '127.0.0.1', port: smtp.port, require_tls: false, timeout_ms: 5000 },
        },
        recipients: { emails: ['leader@province.example.gov.vn'] },
      },
      [flatTarget('ten-thousand', 10_000)],
    );
    await publishFake(t.ctx.store, '2025-01-31', 10_000);
    await alertsInline(t.ctx, '2025-01-31');
    await publishFake(t.ctx.store, '2025-06-30', 8000);
    const outcome = await alertsInline(t.ctx, '2025-06-30');
    expect(outcome.failed).toEqual([]);
    expect(smtp.mails.length).toBeGreaterThan(0);
    expect(smtp.mails[0]?.secure).toBe(false);
    const mail = await simpleParser(smtp.mails[0]!.raw);
    expect(mail.subject).toBe('Alert — Thanh Hóa (critical)');
    expect(mail.text).toContain('Actual: 8,000');
    expect(mail.text).toContain('Gap: −20%');
    expect(mail.text).toContain('30 Jun 2025');
  }, 30_000);
});
