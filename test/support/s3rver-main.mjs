// s3rver in a process of its own (started by test/support/s3server.ts): the tests then measure
// only their own memory, and DES continuation tokens work with --openssl-legacy-provider.
import S3rver from 's3rver';

const [directory, ...buckets] = process.argv.slice(2);
const server = new S3rver({
  port: 0,
  address: '127.0.0.1',
  silent: true,
  directory,
  configureBuckets: buckets.map((name) => ({ name, configs: [] })),
});
const address = await server.run();
process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
process.on('SIGTERM', async () => {
  await server.close();
  process.exit(0);
});
