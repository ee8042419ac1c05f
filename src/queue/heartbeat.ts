import { hostname } from 'node:os';
import type { Redis } from 'ioredis';

/** How often a worker says it is alive; a beat older than three of these means it is not. */
export const HEARTBEAT_MS = 10_000;

export const heartbeatKey = (prefix: string, worker: string) => `${prefix}:heartbeat:worker:${worker}`;

/** This process's worker name: the host (a container's id under Docker), so its health check finds it. */
export const workerName = () => hostname();

export interface Heartbeat {
  worker: string;
  pid: number;
  at: string;
  /** Stage workers running at the time of the beat, out of `stages`. */
  running: number;
  stages: number;
}

/**
 * Writes the beat now and every `HEARTBEAT_MS` with a time to live of three intervals, so that a
 * worker that hangs or loses Redis stops being healthy on its own. Returns the stop function.
 */
export function startHeartbeat(
  connection: Redis,
  prefix: string,
  running: () => { running: number; stages: number },
  onError: (error: unknown) => void,
): () => Promise<void> {
  const worker = workerName();
  const beat = async () => {
    const value: Heartbeat = { worker, pid: process.pid, at: new Date().toISOString(), ...running() };
    await connection.set(heartbeatKey(prefix, worker), JSON.stringify(value), 'PX', HEARTBEAT_MS * 3);
  };
  beat().catch(onError);
  const timer = setInterval(() => beat().catch(onError), HEARTBEAT_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await connection.del(heartbeatKey(prefix, worker)).catch(onError);
  };
}

/** The worker's last beat, or null when it has none fresh enough (the key expires with it). */
export async function readHeartbeat(
  connection: Redis,
  prefix: string,
  worker: string,
): Promise<Heartbeat | null> {
  const text = await connection.get(heartbeatKey(prefix, worker));
  return text ? (JSON.parse(text) as Heartbeat) : null;
}
