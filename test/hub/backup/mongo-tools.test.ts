/**
 * The mongodump / mongorestore path. MongoDB's tools are not installable on this machine
 * (no MongoDB package source, and the Go proxy refuses mongo-tools), so this checks our
 * side: the arguments, the connection string kept off the command line, and a backup
 * made through a stand-in `mongodump` on PATH that records what it was given.
 */
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, mongodumpArgs, mongorestoreArgs, splitDatabase } from '../../../hub/backup/index.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

describe('splitDatabase', () => {
  it.each([
    ['mongodb://127.0.0.1:27017/passerelle', 'mongodb://127.0.0.1:27017/', 'passerelle'],
    ['mongodb://a:1,b:2,c:3/passerelle?replicaSet=rs0', 'mongodb://a:1,b:2,c:3/?replicaSet=rs0', 'passerelle'],
    // The URI's database is where its user authenticates: kept as authSource.
    ['mongodb://hub:s%40cret@mongo/passerelle', 'mongodb://hub:s%40cret@mongo/?authSource=passerelle', 'passerelle'],
    ['mongodb://hub:pw@mongo/passerelle?authSource=admin', 'mongodb://hub:pw@mongo/?authSource=admin', 'passerelle'],
    [
      'mongodb+srv://hub:pw@cluster.example/p?retryWrites=true',
      'mongodb+srv://hub:pw@cluster.example/?retryWrites=true&authSource=p',
      'p',
    ],
    ['mongodb://127.0.0.1:27017', 'mongodb://127.0.0.1:27017/', 'test'],
  ])('%s', (uri, serverUri, database) => {
    expect(splitDatabase(uri)).toEqual({ serverUri, database });
  });
});

describe('tool arguments', () => {
  it('dump one database, gzipped, without the excluded collections', () => {
    expect(
      mongodumpArgs({ config: '/tmp/c.yaml', database: 'passerelle', archive: '/b/a.gz', exclude: ['claims'] }),
    ).toEqual(['--config=/tmp/c.yaml', '--db=passerelle', '--archive=/b/a.gz', '--gzip', '--excludeCollection=claims']);
  });
  it('restore into another database name', () => {
    expect(mongorestoreArgs({ config: '/tmp/c.yaml', from: 'passerelle', to: 'copy', archive: '/b/a.gz' })).toEqual([
      '--config=/tmp/c.yaml',
      '--archive=/b/a.gz',
      '--gzip',
      '--nsInclude=passerelle.*',
      '--nsFrom=passerelle.*',
      '--nsTo=copy.*',
    ]);
  });
});

describe('backup through mongodump when it is on PATH', () => {
  let bin: string;
  let uri: string;
  const path = process.env.PATH;

  beforeAll(async () => {
    uri = await connectTestDatabase('tools');
    bin = await mkdtemp(join(tmpdir(), 'passerelle-tools-test-'));
    // Records its arguments and its config file, and writes an archive where told.
    await writeFile(
      join(bin, 'mongodump'),
      `#!/bin/sh\necho "$@" > "${bin}/args"\nfor a in "$@"; do case "$a" in --config=*) cp "\${a#--config=}" "${bin}/config";; --archive=*) printf 'archive' > "\${a#--archive=}";; esac; done\n`,
    );
    await chmod(join(bin, 'mongodump'), 0o755);
    process.env.PATH = `${bin}:${path}`;
  });
  afterAll(async () => {
    process.env.PATH = path;
    await rm(bin, { recursive: true, force: true });
    await dropTestDatabase();
  });

  it('is chosen by auto, gets the connection string in a file only, and its archive is in the manifest', async () => {
    const { dir, manifest } = await backupDatabase({ uri, outDir: bin });
    expect(manifest.engine).toBe('mongodump');
    expect(manifest.archive).toEqual({
      file: 'mongodump.archive.gz',
      bytes: 7,
      sha256: createHash('sha256').update('archive').digest('hex'),
    });
    expect(await readFile(join(dir, 'mongodump.archive.gz'), 'utf8')).toBe('archive');
    const args = await readFile(join(bin, 'args'), 'utf8');
    const database = new URL(uri).pathname.slice(1);
    expect(args).toContain(`--db=${database} --archive=${dir}.partial/mongodump.archive.gz --gzip`);
    expect(args).not.toContain('mongodb://');
    expect(await readFile(join(bin, 'config'), 'utf8')).toBe(`uri: ${JSON.stringify(splitDatabase(uri).serverUri)}\n`);
    expect(manifest.collections.map((c) => c.name)).toContain('items');
  });
});
