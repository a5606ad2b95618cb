/**
 * Sign-in throttling: the pure rule (delays after 5 failures, a 15-minute lock from 10),
 * and the stored attempts, exact under a burst of parallel guesses.
 */
import mongoose from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent } from '../../../hub/accounts/agents.js';
import { hashPassword } from '../../../hub/accounts/password.js';
import { signInWithPassword, SignInRefused } from '../../../hub/accounts/sign-in.js';
import { ACCOUNT_RULE, beginAttempt, throttledUntil } from '../../../hub/accounts/throttle.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

const T0 = Date.UTC(2026, 5, 1, 0, 0, 0);
const at = (seconds: number) => new Date(T0 + seconds * 1000);
/** `n` earlier failures, newest first, the newest at `last` seconds. */
const failures = (n: number, last: number) => Array.from({ length: n }, (_, i) => at(last - i));

describe('throttledUntil', () => {
  it.each([
    [0, undefined],
    [4, undefined],
    [5, 1],
    [6, 2],
    [7, 4],
    [9, 16],
    [10, 900],
    [14, 900],
  ])('after %i failures the next attempt waits %s s after the last', (n, wait) => {
    const until = throttledUntil(failures(n, 100), ACCOUNT_RULE);
    expect(until === undefined ? undefined : (until.getTime() - at(100).getTime()) / 1000).toBe(wait);
  });
});

describe('signing in with a password', () => {
  beforeAll(async () => {
    await connectTestDatabase('throttle');
    await createAgent(
      { email: 'ana@mairie-koumac.nc', name: 'Ana', role: 'moderator', partnerId: 'koumac' },
      'test',
      await hashPassword('le lagon est bleu'),
    );
  });
  afterAll(dropTestDatabase);

  it('refuses a wrong password and an unknown address with the same error, and lets the right one in', async () => {
    const wrong = await signInWithPassword('ana@mairie-koumac.nc', 'faux mot de passe', '10.0.0.1', at(0)).catch(
      (e: unknown) => e,
    );
    const unknown = await signInWithPassword('bob@mairie-koumac.nc', 'le lagon est bleu', '10.0.0.1', at(1)).catch(
      (e: unknown) => e,
    );
    expect(wrong).toBeInstanceOf(SignInRefused);
    expect(unknown).toBeInstanceOf(SignInRefused);
    expect((wrong as SignInRefused).detail).toBe((unknown as SignInRefused).detail);
    const agent = await signInWithPassword('ANA@mairie-koumac.nc ', 'le lagon est bleu', '10.0.0.1', at(2));
    expect(agent.email).toBe('ana@mairie-koumac.nc');
  });

  it('locks an account after 10 failures, even against the right password, for 15 minutes', async () => {
    let t = 100;
    for (let i = 0; i < 10; i += 1) {
      // Wait out each growing delay so that every attempt is counted.
      t += 20;
      await expect(signInWithPassword('ana@mairie-koumac.nc', `mauvais ${i}`, `10.0.1.${i}`, at(t))).rejects.toThrow(
        SignInRefused,
      );
    }
    await expect(
      signInWithPassword('ana@mairie-koumac.nc', 'le lagon est bleu', '10.0.2.1', at(t + 60)),
    ).rejects.toThrow(SignInRefused);
    const agent = await signInWithPassword('ana@mairie-koumac.nc', 'le lagon est bleu', '10.0.2.1', at(t + 901));
    expect(agent.name).toBe('Ana');
  });

  it('counts a burst of parallel attempts: no more than the delay rule allows gets a password checked', async () => {
    const keys = [{ key: 'account:burst@mairie.nc', rule: ACCOUNT_RULE }];
    const attempts = await Promise.all(Array.from({ length: 20 }, () => beginAttempt(keys, at(5000))));
    const allowed = attempts.filter((a) => a.allowed).length;
    expect(allowed).toBeLessThanOrEqual(ACCOUNT_RULE.delayAfter);
    // Refused attempts are not counted: only those let through stay as failures.
    const stored = await mongoose.connection.db!.collection('signin_failures').countDocuments({ k: keys[0]!.key });
    expect(stored).toBe(allowed);
  });
});
