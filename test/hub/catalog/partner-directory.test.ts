/**
 * The partner directory tells which partners changed since it last said so, and whether a
 * field the search index holds changed (then their items are indexed again on every hub)
 * or only one pages show (then every hub reloads its partners alone).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerDirectory } from '../../../hub/catalog/partner-directory.js';
import { seedPartners } from '../../../hub/partners/index.js';
import { updatePartner } from '../../../hub/partners/partners.js';
import { connectTestDatabase, dropTestDatabase } from '../../helpers/database.js';

beforeAll(async () => {
  await connectTestDatabase('partner-directory');
  await seedPartners();
});
afterAll(() => dropTestDatabase());

describe('the partner directory', () => {
  it('reports the partners a reload found changed, once, and which of them the index holds', async () => {
    const directory = new PartnerDirectory();
    await directory.reload();
    expect(directory.takeChanged()).toEqual({ changed: [], indexed: [] });

    await updatePartner('noumea', { website: 'https://www.noumea.nc/accueil' });
    await directory.reload();
    expect(directory.takeChanged()).toEqual({ changed: ['noumea'], indexed: [] });
    expect(directory.takeChanged()).toEqual({ changed: [], indexed: [] });

    await updatePartner('koumac', { name: 'Ville de Koumac' });
    await updatePartner('cafat', { description: 'Caisse de protection sociale' });
    // A reload by a request between the edit and its announcement loses nothing.
    await directory.reload();
    await directory.reload();
    const taken = directory.takeChanged();
    expect(taken.changed.sort()).toEqual(['cafat', 'koumac']);
    expect(taken.indexed).toEqual(['koumac']);

    // A change another process announced, and this one applied, is not announced again.
    await updatePartner('poum', { shortName: 'Poum' });
    await directory.reload();
    directory.settle(['poum']);
    expect(directory.takeChanged()).toEqual({ changed: [], indexed: [] });
  });
});
