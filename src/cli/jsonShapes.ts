/**
 * The one shape each command's `--json` prints, whatever the outcome (`?` marks a field that may be
 * null, `…` a list). The README's JSON table is generated from this list, and tests check the
 * commands' real output against it.
 */
export const JSON_SHAPES: Record<string, string> = {
  run: '{ status: published|already_published|held|unchanged, as_of, run_id, held_reasons: [gate…], store, folder?, feeds: [{ feed_id, fetch_status, rows_read, valid, rejected, raw_key }…] }',
  enqueue: '{ as_of, feed_ids: [id…], status: added|already_queued, then: [as_of…] }',
  backfill:
    '{ as_of, feed_ids: [id…], status: added|already_queued, then: [as_of…] } (--inline: RetryOutcome; --resume: { resumed: RetryOutcome? })',
  'runs list': '[RunRecord…] (empty: [] and exit 1)',
  'runs show': '[RunRecord…]',
  'runs retry':
    '{ as_of, runner: inline|bullmq, dates: [as_of…], status: done|failed|added|already_queued, failed: { as_of, error }?, waiting: [as_of…] }',
  'schedule sync': '{ upserted: [id…], removed: [id…] }',
  'schedule list': '[{ id, feed_id, pattern?, tz?, next? }…]',
  'schedule remove': '{ removed }',
  'snapshots list':
    '[{ as_of, run_id, rule_set_id, files, created_at, status: published|held, held_reasons: [gate…], release: { reason, by, at }? }…] (empty: [] and exit 1)',
  'snapshots release': '{ as_of, run_id, became_latest, release: { reason, by, at }, after_publish: { … } }',
  'snapshots history':
    '[{ as_of, run_id, rule_set_id, code, name, enterprises_active, dte_active, dte_share_pct, … }…] (--targets: [{ as_of, target_id, territory, unit_code, metric, actual?, expected?, gap?, gap_pct?, status }…])',
  gc: '{ temp_files, temp_bytes, work_objects, work_bytes, running: [as_of…] }',
  'snapshots show':
    '{ schema_version, as_of, run_id, rule_set_id, code_version, partitions, previous?, inputs: […], outputs: [{ key, sha256, bytes, … }…], created_at }',
  'snapshots get': '{ as_of, file, path, bytes, sha256 }',
  'snapshots url': '{ as_of, file, url, expires_in }',
  'alerts list':
    '[{ target_id, title, source, territory, territory_name, metric, as_of, actual?, expected?, gap_pct?, status, coverage_pct?, baseline?, projection?, series: […] }…]',
  'alerts sent':
    '[{ id, as_of, kind, event, state, subject, suppressed?, deliveries: [{ destination, channel, to, status: delivered|failed, error? }…] }…]',
  'alerts test': '[{ destination, to, ok, error? }…]',
  'alerts silence': '{ target_id, silence?, ack? }',
  'alerts unsilence': '{ target_id, silence?, ack? }',
  'alerts ack': '{ target_id, silence?, ack? }',
  'alerts silences': '[{ target_id, silence?, ack? }…]',
  'store init': '{ store, created }',
  'health worker': '{ worker, ok, heartbeat: { worker, pid, at, running, stages }? }',
};

/** The top-level field names of a shape, for checking a command's real output against it. */
export function shapeKeys(shape: string): string[] {
  const keys: string[] = [];
  let depth = 0;
  let expecting = false;
  let token = '';
  for (const c of shape.slice(shape.indexOf('{'))) {
    const keyChar = /[a-z0-9_]/.test(c);
    if (depth === 1 && expecting && keyChar) {
      token += c;
      continue;
    }
    if (depth === 1 && expecting && token) {
      keys.push(token);
      token = '';
      expecting = false;
    }
    if (c === '{' || c === '[') {
      depth++;
      if (depth === 1) expecting = true;
    } else if (c === '}' || c === ']') {
      if (--depth === 0) break;
    } else if (depth === 1 && c === ',') expecting = true;
  }
  return keys;
}
