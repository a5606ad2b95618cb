/**
 * The order npm test starts its files in. Vitest runs the longest first when it remembers the
 * last run (node_modules/.vite), else the biggest; on a clean checkout (CI) a short file with a
 * long run — the co-marquage zips, the console's every-page check — then starts late and ends
 * alone, one worker idle. The files that took longest when measured (docs/benchmarks.md,
 * « Test suite duration ») start first, longest first; the others follow in vitest's order.
 */
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * Measured on the 2-core machine, longest first (seconds in the suite, 2026-12-01, load 2–13;
 * docs/benchmarks.md, « Test suite duration »).
 */
export const LONG_FILES = [
  'test/hub/ingest/comarquage-zips.test.ts',
  'test/console/e2e/screens.test.ts',
  'test/hub/migrations/rolling-upgrade.test.ts',
  'test/portal/e2e/pages.test.ts',
  'test/hub/ingest/crash-recovery.test.ts',
  'test/console/labs.test.ts',
  'test/hub/ingest/runs.test.ts',
  'test/hub/main.test.ts',
  'test/console/wishes.test.ts',
  'test/connectors/reader-pool.test.ts',
  'test/hub/items/item-listing.test.ts',
  'test/hub/backup/round-trip.test.ts',
  'test/hub/catalog/two-processes-freshness.test.ts',
  'test/widgets/e2e/article.test.ts',
];

export class LongFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (spec: TestSpecification) => {
      const i = LONG_FILES.findIndex((path) => spec.moduleId.endsWith(`/${path}`));
      return i < 0 ? LONG_FILES.length : i;
    };
    // Array.prototype.sort is stable: the other files keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}
