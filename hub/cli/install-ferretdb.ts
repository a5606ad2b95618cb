/** npm run db:install — makes sure the local FerretDB binary exists (builds it once with Go). */
import { resolveFerretDb } from '../db/index.js';

try {
  const bin = await resolveFerretDb((line) => console.error(line));
  console.log(`db:install: FerretDB at ${bin}`);
} catch (err) {
  console.error(`db:install: ${(err as Error).message}`);
  process.exitCode = 1;
}
