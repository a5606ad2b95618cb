/** Passwords: scrypt hashes that verify, differ by salt, and a French policy. */
import { describe, expect, it } from 'vitest';
import { checkPasswordPolicy, hashPassword, verifyPassword } from '../../../hub/accounts/password.js';

describe('passwords', () => {
  it('hashes with scrypt and a salt, and verifies only the right password', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^scrypt\$16\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery', a)).toBe(true);
    expect(await verifyPassword('correct horse batterY', a)).toBe(false);
    expect(await verifyPassword('correct horse battery', 'bcrypt$whatever')).toBe(false);
  });

  it.each([
    ['court', /au moins 12 caractères/],
    ['x'.repeat(257), /au plus 256 caractères/],
    ['aaaaaaaaaaaaaa', /trop répétitif/],
    ['ana@mairie', /au moins 12/],
    ['ANA.WAHIO@mairie-koumac.nc', /votre adresse e-mail/],
  ])('refuses %s', (password, message) => {
    const [error] = checkPasswordPolicy(password, 'password', 'ana.wahio@mairie-koumac.nc');
    expect(error?.message).toMatch(message);
  });

  it('accepts a long passphrase', () => {
    expect(checkPasswordPolicy('le lagon est bleu ce matin', 'password')).toEqual([]);
  });
});
