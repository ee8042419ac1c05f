import { listSilences } from '../alerts/silences.js';
import type { Lang } from '../format/index.js';
import type { RunRecord } from '../runs/record.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';
import { runsPageSection } from './runsSection.js';
import { silencesSection } from './silencesSection.js';

/** What an extra section of the page may read: the store and the date the page shows. */
export interface SectionInput {
  store: ObjectStore;
  as_of: string;
  /** Every published run, oldest first. */
  published: readonly SnapshotPointer[];
  lang: Lang;
}

/** One extra section: the HTML of a `<section>`, or '' when it has nothing to show. */
export type PageSection = (input: SectionInput) => Promise<string>;

/**
 * The page's extra sections, in page order, after the files. Add a renderer here (e.g.
 * `silencesSection` from ./silencesSection.js, `runsSection` from ./runsSection.js).
 */
export const pageSections: PageSection[] = pageSectionsWith();

/** The sections, the runs one also showing the queues' runs when `queuedRuns` is given (`dte serve`). */
export function pageSectionsWith(queuedRuns?: (limit: number) => Promise<RunRecord[]>): PageSection[] {
  return [
    async (input) => silencesSection(await listSilences(input.store), input.lang, input.as_of),
    runsPageSection(queuedRuns),
  ];
}
