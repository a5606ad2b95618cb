/**
 * docker-compose.ha.yml, its Caddyfile and its replica-set script, checked by reading them
 * (no Docker engine here): a 3-member replica set that the hubs reach and nobody else, two
 * hubs configured exactly as the hub reads its configuration, and Caddy in front with TLS,
 * health checks, and the one address the hubs trust for X-Forwarded-For.
 */
import { readFile } from 'node:fs/promises';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadConfig, VARIABLES } from '../hub/config.js';
import { interpolate, type Compose, type ComposeService } from './helpers/compose.js';

const root = new URL('../', import.meta.url);
const read = (file: string) => readFile(new URL(file, root), 'utf8');
const ENV = { DOMAIN: 'passerelle.service-public.nc', ADMIN_TOKEN: 'x'.repeat(32) };

function networksOf(service: ComposeService): string[] {
  const n = service.networks ?? [];
  return Array.isArray(n) ? n : Object.keys(n);
}

/** Runs the mongosh script against a stand-in `rs` whose set gets a primary after `polls` looks. */
function runInitScript(script: string, initiated: boolean, polls: number) {
  const seen = { initiate: [] as unknown[], printed: [] as string[], exitCode: undefined as number | undefined };
  let looks = 0;
  const rs = {
    status() {
      if (!initiated) throw Object.assign(new Error('no replset config'), { codeName: 'NotYetInitialized' });
      looks += 1;
      const primary = looks > polls;
      return { members: [{ name: 'mongo1:27017', stateStr: primary ? 'PRIMARY' : 'SECONDARY' }] };
    },
    initiate(config: unknown) {
      seen.initiate.push(config);
      initiated = true;
    },
  };
  const quit = (code: number) => {
    seen.exitCode = code;
    throw new Error('quit');
  };
  try {
    runInNewContext(script, { rs, print: (s: string) => seen.printed.push(s), sleep: () => undefined, quit });
  } catch (err) {
    if ((err as Error).message !== 'quit') throw err;
  }
  return seen;
}

describe('docker-compose.ha.yml', async () => {
  const compose = parse(await read('docker-compose.ha.yml'), { merge: true }) as Compose;
  const { services } = compose;
  const mongos = ['mongo1', 'mongo2', 'mongo3'].map((name) => [name, services[name]!] as const);
  const hubs = ['hub1', 'hub2'].map((name) => [name, services[name]!] as const);
  const proxy = services.proxy!;
  const initScript = await read('deploy/init-replica-set.js');
  const caddyfile = await read('deploy/Caddyfile');

  it('runs three MongoDB 8 members of one replica set, each with its volume and health check, unreachable from outside', () => {
    for (const [name, mongo] of mongos) {
      expect(mongo.image, name).toMatch(/^mongo:8(\.|$)/);
      expect(mongo.command?.join(' ')).toBe('mongod --replSet rs0 --bind_ip_all');
      expect(mongo.volumes).toEqual([`${name}-data:/data/db`]);
      expect(Object.keys(compose.volumes)).toContain(`${name}-data`);
      expect(mongo.healthcheck?.test.join(' ')).toContain('ping');
      expect(mongo.ports).toBeUndefined();
      expect(networksOf(mongo)).toEqual(['backend']);
    }
    expect(compose.networks?.backend?.internal).toBe(true);
  });

  it('initiates the replica set once with the three members, then waits for a primary', () => {
    const init = services['mongo-init']!;
    expect(init.restart).toBe('no');
    for (const [name] of mongos) expect(init.depends_on?.[name]?.condition).toBe('service_healthy');
    expect(init.volumes).toEqual(['./deploy/init-replica-set.js:/init-replica-set.js:ro']);
    expect(init.command).toEqual(['mongosh', '--quiet', '--host', 'mongo1:27017', '/init-replica-set.js']);

    const first = runInitScript(initScript, false, 2);
    expect(first.initiate).toEqual([
      {
        _id: 'rs0',
        members: mongos.map(([name], i) => ({ _id: i, host: `${name}:27017` })),
      },
    ]);
    expect(first.printed.at(-1)).toBe('replica set rs0: primary is mongo1:27017');
    expect(first.exitCode).toBeUndefined();
    const again = runInitScript(initScript, true, 0);
    expect(again.initiate).toEqual([]);
    expect(again.printed[0]).toBe('replica set rs0: already initiated');
    expect(runInitScript(initScript, true, 1_000).exitCode).toBe(1);
  });

  it('runs two hubs with exactly the variables the hub reads, on the replica set, after it is initiated', () => {
    const [[, first], [, second]] = hubs as [[string, ComposeService], [string, ComposeService]];
    expect(second.environment).toEqual(first.environment);
    for (const [name, hub] of hubs) {
      expect(hub.build, name).toBe('.');
      expect(Object.keys(hub.environment ?? {}).sort()).toEqual(
        VARIABLES.map((v) => v.name)
          .filter((n) => n !== 'DATA_DIR')
          .sort(),
      );
      expect(hub.depends_on?.['mongo-init']?.condition).toBe('service_completed_successfully');
      expect(hub.healthcheck?.test.join(' ')).toContain('/readyz');
      expect(hub.ports).toBeUndefined();
      expect(networksOf(hub).sort()).toEqual(['backend', 'frontend']);
    }
    const env = Object.fromEntries(Object.entries(first.environment!).map(([k, v]) => [k, interpolate(v, ENV)]));
    const config = loadConfig(env);
    // A seed list of every member (the driver finds the primary), the set's name, the database.
    const [, hosts, database, query] = /^mongodb:\/\/([^/]+)\/([^?]+)\?(.*)$/.exec(config.mongodbUri!)!;
    expect(hosts!.split(',')).toEqual(mongos.map(([name]) => `${name}:27017`));
    expect(database).toBe('passerelle');
    expect(new URLSearchParams(query).get('replicaSet')).toBe('rs0');
    expect(config.publicUrl).toBe(`https://${ENV.DOMAIN}`);
    expect(config.schedulerEnabled).toBe(true);
    expect(config.trustedProxies).toEqual([
      (proxy.networks as Record<string, { ipv4_address: string }>).frontend!.ipv4_address,
    ]);
    expect(compose.networks?.frontend?.ipam?.config[0]?.subnet).toBe('172.28.0.0/24');
  });

  it('puts Caddy in front: the only published ports, TLS for the domain, both hubs checked on /readyz', () => {
    expect(proxy.image).toMatch(/^caddy:2(\.|$)/);
    expect(proxy.ports).toEqual(['80:80', '443:443', '443:443/udp']);
    for (const [name] of hubs) expect(proxy.depends_on?.[name]?.condition).toBe('service_healthy');
    expect(proxy.volumes).toContain('./deploy/Caddyfile:/etc/caddy/Caddyfile:ro');
    expect(proxy.healthcheck?.test.length).toBeGreaterThan(1);
    expect(networksOf(proxy)).toEqual(['frontend']);

    const lines = caddyfile
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    // A bare host name as the site address: Caddy serves it over HTTPS with its own certificate.
    expect(lines[0]).toBe('{$DOMAIN} {');
    expect(caddyfile).not.toMatch(/^\s*(tls\s+off|auto_https\s+off)/m);
    const upstreams = lines
      .find((l) => l.startsWith('reverse_proxy'))!
      .split(/\s+/)
      .slice(1, -1);
    const port = hubs[0]![1].environment!.PORT;
    expect(upstreams).toEqual(hubs.map(([name]) => `${name}:${port}`));
    expect(lines).toContain('health_uri /readyz');
    expect(interpolate(proxy.environment!.DOMAIN!, ENV)).toBe(ENV.DOMAIN);
  });
});
