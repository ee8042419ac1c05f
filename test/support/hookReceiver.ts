import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A webhook receiver on loopback that keeps every JSON body it is sent, with its notification id header. */
export interface HookReceiver {
  url: string;
  bodies: Array<{ notificationId: string; body: Record<string, unknown> }>;
  close(): Promise<void>;
}

export async function hookReceiver(pathName = '/hook'): Promise<HookReceiver> {
  const bodies: HookReceiver['bodies'] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      bodies.push({
        notificationId: String(req.headers['x-dte-notification-id'] ?? ''),
        body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>,
      });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${pathName}`,
    bodies,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
