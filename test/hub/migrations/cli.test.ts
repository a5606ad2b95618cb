/** npm run migrate as an operator runs it: status, apply, and nothing more the second time. */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';
import { CATALOG_FIXTURES, insertItems } from '../../helpers/items.js';

let uri: string;

beforeAll(async () => {
  uri = await connectTestDatabase('migratecli');
  await insertItems(CATALOG_FIXTURES.slice(0, 3));
  // As the code before schema versions wrote them.
  await mongoose.connection.db!.collection('items').updateMany({}, { $unset: { schemaVersion: '' } });
});
afterAll(dropTestDatabase);

describe('npm run migrate', () => {
  it('shows what is pending, applies it once, then finds nothing to do', async () => {
    const before = await runCli('migrate', uri, ['--status']);
    expect(before.code).toBe(0);
    expect(before.stdout).toBe(
      'schema: database at version 0, this code at version 6\n  pending  001-items-schema-version\n  pending  002-source-credentials-apart\n  pending  003-partner-offices\n  pending  004-items-readability\n  pending  005-story-keys\n  pending  006-story-journal\n',
    );
    const applied = await runCli('migrate', uri);
    expect(applied.code).toBe(0);
    expect(applied.stdout).toMatch(/^migrate: 001-items-schema-version applied in \d+ ms \{"items":3\}\n/);
    expect(applied.stdout).toMatch(
      /\nmigrate: 002-source-credentials-apart applied in \d+ ms \{"moved":0,"conflicts":0\}\n/,
    );
    expect(applied.stdout).toMatch(/\nmigrate: 003-partner-offices applied in \d+ ms \{"partners":0\}\n/);
    expect(applied.stdout).toMatch(/\nmigrate: 004-items-readability applied in \d+ ms \{"items":\d+\}\n/);
    expect(applied.stdout).toMatch(/\nmigrate: 005-story-keys applied in \d+ ms \{"items":\d+,"grouped":0\}\n/);
    expect(applied.stdout).toContain('migrate: database at schema version 6 (this code: 6)');
    expect(applied.stderr).toContain('items by version before: {"none":3}');
    const again = await runCli('migrate', uri);
    expect(again.stdout.split('\n')[0]).toBe('migrate: 001-items-schema-version already applied');
    const after = await runCli('migrate', uri, ['--status']);
    expect(after.stdout).toMatch(
      /^schema: database at version 6, this code at version 6\n {2}applied {2}001-items-schema-version \(\d{4}-.+, \d+ ms, .+:\d+:\w+, hub \d+\.\d+\.\d+\)\n {2}applied {2}002-source-credentials-apart \(.+\)\n {2}applied {2}003-partner-offices \(.+\)\n {2}applied {2}004-items-readability \(.+\)\n {2}applied {2}005-story-keys \(.+\)\n {2}applied {2}006-story-journal \(.+\)\n$/,
    );
    expect(await mongoose.connection.db!.collection('items').countDocuments({ schemaVersion: 1 })).toBe(3);
  }, 60_000);
});
