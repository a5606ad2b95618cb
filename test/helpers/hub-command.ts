/**
 * How a test starts a hub process (test/helpers/hub-process.ts, cli.ts, test/hub/main.test.ts):
 * from the hub compiled once for the run by global-setup.ts (`node <dir>/hub/main.js`, as
 * production runs dist/hub/main.js), else from the sources under tsx — benchmarks, and a run
 * with TEST_HUB_FROM_SOURCES=1 (a watch session: the build is not redone on an edit).
 * Under tsx a child hub took 6–9 s of CPU to listen, compiled 4–6 s (docs/benchmarks.md,
 * « Test suite duration »).
 */
import { join } from 'node:path';

/** Set by global-setup.ts for the test workers: where scripts/build-test-hub.ts wrote the hub. */
export const HUB_BUILD_VARIABLE = 'PASSERELLE_TEST_HUB_BUILD';

/** Node's arguments to run `entry` ('hub/main', 'hub/cli/backup', …), from the repository root. */
export function hubEntryArgs(entry: string): string[] {
  const built = process.env[HUB_BUILD_VARIABLE];
  return built ? [join(built, `${entry}.js`)] : ['--import', 'tsx', `${entry}.ts`];
}
