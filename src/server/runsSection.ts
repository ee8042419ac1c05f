import { formatCount, type Lang } from '../format/index.js';
import { RecentRuns } from '../runs/recentRuns.js';
import { byDateThenStart, type RunRecord } from '../runs/record.js';
import { escapeHtml as e } from './html.js';
import type { PageSection } from './sections.js';

/** How many runs the page shows: the last ones, newest first. */
export const RUNS_SHOWN = 8;

const L = {
  vi: {
    heading: 'Các lần chạy gần đây',
    head: ['Ngày số liệu', 'Trạng thái', 'Khởi chạy', 'Bắt đầu', 'Thời gian', 'Số dòng', 'Ghi chú'],
    waits: (d: string) => `chờ ngày ${d} được sửa`,
    after: (d: string) => `sau ngày ${d}`,
  },
  en: {
    heading: 'Recent runs',
    head: ['As of', 'Status', 'Trigger', 'Started', 'Duration', 'Rows', 'Note'],
    waits: (d: string) => `waits for ${d} to be fixed`,
    after: (d: string) => `after ${d}`,
  },
} as const;

function note(run: RunRecord, lang: Lang): string {
  const t = L[lang];
  if (run.status === 'waiting' && run.waiting_for) return t.waits(run.waiting_for);
  if (run.status === 'queued' && run.waiting_for && run.waiting_for !== run.as_of)
    return t.after(run.waiting_for);
  if (run.status === 'failed')
    return `${run.stages.find((s) => s.status === 'failed')?.stage ?? ''}: ${run.error ?? ''}`;
  return '';
}

/** The ops section: the last runs, newest first, with status, trigger, duration, rows and why. */
export function runsSection(runs: readonly RunRecord[], lang: Lang): string {
  if (runs.length === 0) return '';
  const t = L[lang];
  const rows = [...runs]
    .sort((a, b) => byDateThenStart(b, a))
    .slice(0, RUNS_SHOWN)
    .map((r) => {
      const cells = [
        r.as_of,
        r.status,
        `${r.trigger} (${r.runner})`,
        r.started ? `${r.started.slice(0, 16).replace('T', ' ')} UTC` : '-',
        r.duration_ms === null ? '-' : `${formatCount(Math.round(r.duration_ms / 1000), lang)} s`,
        r.rows === null ? '-' : formatCount(r.rows, lang),
        note(r, lang),
      ];
      return `<tr data-status="${e(r.status)}">${cells.map((c) => `<td>${e(c)}</td>`).join('')}</tr>`;
    });
  const head = t.head.map((h) => `<th>${e(h)}</th>`).join('');
  return `<section id="runs"><h2>${t.heading}</h2><table class="runs"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

/** The section on the store's records, plus the queues' runs when `queued` is given (`dte serve`). */
export function runsPageSection(queued?: (limit: number) => Promise<RunRecord[]>): PageSection {
  const recent = new RecentRuns();
  return async (input) => {
    const stored = await recent.last(input.store, RUNS_SHOWN);
    const fromQueues = queued ? await queued(RUNS_SHOWN) : [];
    return runsSection([...stored, ...fromQueues], input.lang);
  };
}
