import type { SentNotification } from './sent.js';

/** One line per notification: date, event, what it is about, and each destination with its outcome. */
export function describeSent(sent: readonly SentNotification[]): string {
  if (sent.length === 0) return 'no notification recorded\n';
  const lines = sent.map((n) => {
    const where =
      n.suppressed !== null
        ? `not sent (${n.suppressed})`
        : n.deliveries.length === 0
          ? 'no delivery recorded yet'
          : n.deliveries
              .map((d) => (d.status === 'delivered' ? d.to : `${d.to} FAILED: ${d.error ?? 'unknown error'}`))
              .join('; ');
    return `${n.as_of}  ${n.event.padEnd(11)} ${n.kind.padEnd(14)} ${n.subject.padEnd(26)} → ${where}`;
  });
  return `${lines.join('\n')}\n`;
}
