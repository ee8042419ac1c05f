import type { Command } from 'commander';
import type { ServeOptions } from '../actions/serve.js';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('the HTTP surface: health, metrics, queue dashboard, snapshot API, the page for people')
    .option('--port <n>', 'port (default $PORT or 8080)')
    .option('--host <host>', 'address to listen on', '0.0.0.0')
    .option('--config <file>', 'config file (YAML or JSON); default $DTE_CONFIG')
    .option('--no-queues', 'serve without Redis: no queue dashboard and no queue metrics')
    .action(async (options: ServeOptions) => (await import('../actions/serve.js')).serveAction(options));
}
