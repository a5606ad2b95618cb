/**
 * The anonymous visitor key: random, kept in localStorage (never a cookie), and kept in
 * memory only when storage is blocked (private modes, sandboxed frames).
 */

const STORAGE_KEY = 'passerelle.visitor';
const VALID_KEY = /^[A-Za-z0-9_-]{22,64}$/;

let memoryKey: string | undefined;

/** 16 random bytes as base64url: 22 characters. */
export function createVisitorKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function readStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined; // reading the property itself throws when storage is blocked
  }
}

/** This browser's visitor key, created on first use. */
export function getVisitorKey(): string {
  if (memoryKey) return memoryKey;
  const storage = readStorage();
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    if (stored && VALID_KEY.test(stored)) return (memoryKey = stored);
  } catch {
    // fall through: a fresh in-memory key
  }
  memoryKey = createVisitorKey();
  try {
    storage?.setItem(STORAGE_KEY, memoryKey);
  } catch {
    // quota or blocked storage: the key lives as long as the page
  }
  return memoryKey;
}

/** Forgets the cached key (tests, and after the visitor erased their data). */
export function forgetVisitorKey(): void {
  memoryKey = undefined;
}
