import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../hub/config.js';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.publicUrl).toBe('http://localhost:8080');
    expect(config.mongodbUri).toBeUndefined();
    expect(config.logLevel).toBe('info');
    expect(config.sourceAllowedHosts).toEqual([]);
    expect(config.schedulerEnabled).toBe(true);
  });

  it('reads and normalizes values', () => {
    const config = loadConfig({
      PORT: '3000',
      PUBLIC_URL: 'https://hub.service-public.nc/',
      MONGODB_URI: 'mongodb://db:27017/passerelle',
      SOURCE_ALLOWED_HOSTS: '127.0.0.1, intranet.local',
      TRUSTED_PROXIES: '10.0.0.1',
      SCHEDULER_ENABLED: 'no',
    });
    expect(config).toMatchObject({
      port: 3000,
      publicUrl: 'https://hub.service-public.nc',
      mongodbUri: 'mongodb://db:27017/passerelle',
      sourceAllowedHosts: ['127.0.0.1', 'intranet.local'],
      trustedProxies: ['10.0.0.1'],
      schedulerEnabled: false,
    });
  });

  it.each([
    ['PORT', 'abc', /PORT must be an integer/],
    ['PORT', '70000', /PORT must be an integer from 0 to 65535/],
    ['PUBLIC_URL', 'ftp://x', /PUBLIC_URL must be an absolute http\(s\) URL/],
    ['MONGODB_URI', 'postgres://x', /MONGODB_URI must start with mongodb:\/\//],
    ['ADMIN_TOKEN', 'short', /ADMIN_TOKEN must be at least 24 characters/],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL must be one of/],
    ['TRUSTED_PROXIES', '10.0.0.1,nope', /TRUSTED_PROXIES "nope" is not an IP address/],
    ['SCHEDULER_ENABLED', 'maybe', /SCHEDULER_ENABLED must be true or false/],
    ['HOST', 'example.com', /HOST must be an IP address/],
  ])('rejects %s=%s with one line naming it', (name, value, message) => {
    let error: unknown;
    try {
      loadConfig({ [name]: value });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain(`(got "${value}")`);
    expect((error as Error).message).not.toContain('\n');
  });
});
