import type { Lang } from '../format/index.js';
import type { SnapshotPointer } from '../snapshot/manifest.js';
import type { ObjectStore } from '../store/objectStore.js';

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
export const pageSections: PageSection[] = [];
