import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export interface ReceivedMail {
  raw: Buffer;
  from: string;
  to: string[];
  /** The connection was TLS when the message was sent (STARTTLS or implicit). */
  secure: boolean;
  user: string | undefined;
}

export interface TestSmtp {
  port: number;
  mails: ReceivedMail[];
  authAttempts: Array<{ user: string; password: string }>;
  close(): Promise<void>;
}

/** A certificate for 127.0.0.1, signed by itself: the client trusts it through `ca_file`. */
export async function loopbackCertificate(): Promise<{ key: string; cert: string }> {
  const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
    keySize: 2048,
    algorithm: 'sha256',
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  return { key: pems.private, cert: pems.cert };
}

/**
 * A real SMTP server (nodemailer's smtp-server) on a loopback ephemeral port that keeps every
 * message it accepts; `password` turns AUTH on (and required), `tls` offers STARTTLS.
 */
export async function startSmtp(
  options: {
    tls?: { key: string; cert: string };
    user?: string;
    password?: string;
  } & Partial<SMTPServerOptions>,
): Promise<TestSmtp> {
  const { tls, user, password, ...rest } = options;
  const mails: ReceivedMail[] = [];
  const authAttempts: TestSmtp['authAttempts'] = [];
  const server = new SMTPServer({
    ...(tls ? { key: tls.key, cert: tls.cert } : { disabledCommands: ['STARTTLS'] }),
    authOptional: password === undefined,
    ...(password === undefined && !tls ? { disabledCommands: ['STARTTLS', 'AUTH'] } : {}),
    logger: false,
    onAuth(auth, _session, callback) {
      authAttempts.push({ user: auth.username ?? '', password: auth.password ?? '' });
      if (auth.username === user && auth.password === password) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: session.user as string | undefined,
        });
        callback();
      });
    },
    ...rest,
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  return { port, mails, authAttempts, close: () => new Promise<void>((r) => server.close(() => r())) };
}
