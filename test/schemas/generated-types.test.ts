import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { renderSchemaTypes } from '../../schemas/render-types.js';
import { validateAgainst, validatePatch } from '../../schemas/index.js';

describe('schemas', () => {
  it('generated types are up to date (run npm run gen:types)', async () => {
    const committed = await readFile(new URL('../../schemas/generated/types.ts', import.meta.url), 'utf8');
    expect(committed.startsWith('/* eslint-disable */\n/**\n * DO NOT EDIT')).toBe(true);
    expect(committed).toBe(await renderSchemaTypes());
  });

  it('names the fields at fault, in French', () => {
    const errors = validateAgainst('PartnerInput', { id: 'Nouméa!', name: 'N', kind: 'ville', extra: 1 });
    expect(errors.map((e) => e.field).sort()).toEqual(['extra', 'id', 'kind', 'name']);
    expect(errors.find((e) => e.field === 'name')?.message).toMatch(/caractères/);
  });

  it('reports missing required fields by name', () => {
    expect(
      validateAgainst('SourceInput', { kind: 'feed' })
        .map((e) => e.field)
        .sort(),
    ).toEqual(['partnerId', 'url']);
  });

  it('validates patches without required fields and refuses immutable ones', () => {
    expect(validatePatch('PartnerInput', { name: 'Ville de Nouméa' }, ['id'])).toEqual([]);
    expect(validatePatch('PartnerInput', { id: 'x' }, ['id']).map((e) => e.field)).toContain('id');
    expect(validatePatch('PartnerInput', {}, ['id'])).not.toEqual([]);
  });
});
