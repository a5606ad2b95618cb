/**
 * There is no Docker engine here, so the deployment files are checked by reading them:
 * the hub service's environment must be exactly the configuration the hub reads, and
 * the README must document every variable.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, VARIABLES } from '../hub/config.js';
import { interpolate, type Compose } from './helpers/compose.js';

const root = new URL('../', import.meta.url);
const read = (file: string) => readFile(new URL(file, root), 'utf8');

describe('docker-compose.yml', async () => {
  const compose = parse(await read('docker-compose.yml')) as Compose;
  const hub = compose.services.hub!;
  const mongo = compose.services.mongo!;

  it('runs MongoDB 8 with a volume and a healthcheck, and the hub after it is healthy', () => {
    expect(mongo.image).toMatch(/^mongo:8(\.|$)/);
    expect(mongo.volumes?.some((v) => v.endsWith(':/data/db'))).toBe(true);
    expect(Object.keys(compose.volumes)).toContain('mongo-data');
    expect(mongo.healthcheck?.test.join(' ')).toContain('ping');
    expect(hub.depends_on?.mongo?.condition).toBe('service_healthy');
    expect(hub.build).toBe('.');
  });

  it('gives the hub exactly the variables its config reads', () => {
    expect(Object.keys(hub.environment ?? {}).sort()).toEqual(
      VARIABLES.map((v) => v.name)
        .filter((n) => n !== 'DATA_DIR')
        .sort(),
    );
  });

  it('gives values the config accepts', () => {
    const env = Object.fromEntries(
      Object.entries(hub.environment ?? {}).map(([k, v]) => [
        k,
        interpolate(v, { ADMIN_TOKEN: 'x'.repeat(32), IP_HASH_SECRET: 'y'.repeat(16) }),
      ]),
    );
    const config = loadConfig(env);
    expect(config.mongodbUri).toBe('mongodb://mongo:27017/passerelle');
    expect(config.host).toBe('0.0.0.0');
  });
});

describe('Dockerfile', async () => {
  const dockerfile = await read('Dockerfile');
  it('builds on Node 24 in stages and runs built JavaScript as a non-root user', () => {
    expect(dockerfile.match(/^FROM node:24[^\s]* AS \w+/gm)?.length).toBe(2);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/CMD \["node".*"dist\/hub\/main\.js"\]/);
    expect(dockerfile).not.toMatch(/tsx/);
  });
});

describe('README', async () => {
  const readme = await read('README.md');
  it('documents every configuration variable in its table', () => {
    for (const v of VARIABLES)
      expect(readme, `README lacks ${v.name}`).toMatch(new RegExp(`^\\| \`${v.name}\` \\|`, 'm'));
  });
  it('gives the two commands', () => {
    expect(readme).toContain('npm start');
    expect(readme).toContain('npm test');
  });
});
