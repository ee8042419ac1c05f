import type { SilenceRecord } from '../alerts/silences.js';
import { formatDate, type Lang } from '../format/index.js';
import { escapeHtml as e } from './html.js';

const L = {
  vi: {
    heading: 'Cảnh báo tạm dừng và đã xác nhận',
    silenced: (until: string) => `Tạm dừng gửi cảnh báo đến hết ngày ${until}`,
    ended: (until: string) => `Đã hết tạm dừng (đến ngày ${until})`,
    acked: 'Đã xác nhận',
    by: 'bởi',
    on: 'ngày',
  },
  en: {
    heading: 'Silenced and acknowledged alerts',
    silenced: (until: string) => `Notifications silenced through ${until}`,
    ended: (until: string) => `Silence ended (through ${until})`,
    acked: 'Acknowledged',
    by: 'by',
    on: 'on',
  },
} as const;

const STATE: Record<Lang, Record<string, string>> = {
  vi: { behind: 'chậm tiến độ', critical: 'chậm nghiêm trọng', projected_miss: 'dự báo không đạt' },
  en: { behind: 'behind', critical: 'critical', projected_miss: 'projected miss' },
};

/**
 * The page's list of silences and acknowledgements (`dte alerts silence|ack`), so that leadership
 * sees which alerts someone has already taken up; empty when there is none.
 */
export function silencesSection(records: readonly SilenceRecord[], lang: Lang, asOf: string | null): string {
  const t = L[lang];
  const items = records
    .filter((r) => r.silence || r.ack)
    .map((r) => {
      const lines: string[] = [];
      if (r.silence) {
        const until = formatDate(r.silence.until, lang);
        const active = asOf === null || asOf <= r.silence.until;
        lines.push(
          `${active ? t.silenced(until) : t.ended(until)}: ${e(r.silence.reason)} (${t.by} ${e(r.silence.by)}, ${t.on} ${formatDate(r.silence.at.slice(0, 10), lang)})`,
        );
      }
      if (r.ack) {
        const states = [...new Set(Object.values(r.ack.states))].map((s) => STATE[lang][s] ?? s).join(', ');
        const note = r.ack.note ? `: ${e(r.ack.note)}` : '';
        lines.push(
          `${t.acked} (${e(states)})${note} (${t.by} ${e(r.ack.by)}, ${t.on} ${formatDate(r.ack.at.slice(0, 10), lang)})`,
        );
      }
      return `<li data-target="${e(r.target_id)}"><b>${e(r.target_id)}</b><br>${lines.join('<br>')}</li>`;
    });
  if (items.length === 0) return '';
  return `<section id="silences"><h2>${t.heading}</h2><ul class="silences">${items.join('')}</ul></section>`;
}
