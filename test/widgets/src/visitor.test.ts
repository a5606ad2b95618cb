import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createVisitorKey, forgetVisitorKey, getVisitorKey } from '../../../widgets/src/visitor.js';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

beforeEach(() => forgetVisitorKey());
afterEach(() => vi.unstubAllGlobals());

describe('createVisitorKey', () => {
  it('makes 22 base64url characters, different each time', () => {
    const keys = new Set(Array.from({ length: 200 }, () => createVisitorKey()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('getVisitorKey', () => {
  it('stores the key in localStorage under passerelle.visitor and reuses it', () => {
    const storage = new MemoryStorage();
    vi.stubGlobal('localStorage', storage);
    const key = getVisitorKey();
    expect(storage.data.get('passerelle.visitor')).toBe(key);
    forgetVisitorKey();
    expect(getVisitorKey()).toBe(key);
  });

  it('replaces a stored value that is not a valid key', () => {
    const storage = new MemoryStorage();
    storage.setItem('passerelle.visitor', 'short');
    vi.stubGlobal('localStorage', storage);
    expect(getVisitorKey()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('keeps a key in memory when storage throws', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    vi.stubGlobal('localStorage', blocked);
    const key = getVisitorKey();
    expect(key).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(getVisitorKey()).toBe(key);
  });
});
