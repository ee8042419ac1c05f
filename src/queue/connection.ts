import { Redis } from 'ioredis';

/**
 * A Redis connection as BullMQ workers need it: commands wait for a reconnect instead of failing
 * (`maxRetriesPerRequest: null`), and the connection is named after the deployment's key prefix
 * so that an operator (or a test) can find it in `CLIENT LIST`.
 */
export function connectRedis(url: string, name: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: name.replace(/[^A-Za-z0-9_.:-]/g, '_'),
  });
}
