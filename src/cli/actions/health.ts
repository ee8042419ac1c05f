import { NotFoundError } from '../../domain/errors.js';
import { readHeartbeat, workerName } from '../../queue/heartbeat.js';
import { withRuntime } from './runtime.js';

export interface HealthOptions {
  config?: string;
  worker?: string;
  json?: boolean;
}

/**
 * `dte health worker`: exit 0 only when this host's worker beat recently with every stage running,
 * so a container whose worker hung, crashed or lost Redis is reported unhealthy.
 */
export async function healthWorkerAction(options: HealthOptions): Promise<void> {
  const worker = options.worker ?? workerName();
  await withRuntime(options.config, async (runtime) => {
    const beat = await readHeartbeat(runtime.connection, runtime.prefix, worker);
    const ok = beat !== null && beat.running === beat.stages && beat.stages > 0;
    if (options.json) process.stdout.write(`${JSON.stringify({ worker, ok, heartbeat: beat }, null, 2)}\n`);
    else if (beat)
      process.stdout.write(`${worker}: ${beat.running}/${beat.stages} stages running at ${beat.at}\n`);
    if (!beat) throw new NotFoundError(`no recent heartbeat from worker ${worker}`, { worker });
    if (!ok)
      throw new NotFoundError(`worker ${worker} has ${beat.running}/${beat.stages} stages running`, {
        worker,
      });
  });
}
