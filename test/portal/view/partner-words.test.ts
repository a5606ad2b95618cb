import { describe, expect, it } from 'vitest';
import { describeReadOn, ofCommune, ofPartnerSite, theProvince } from '../../../portal/view/partner-words.js';

describe('partners in French sentences', () => {
  it.each([
    [{ id: 'kone', name: 'Koné', kind: 'commune' }, 'de la mairie de Koné'],
    [{ id: 'le-mont-dore', name: 'Le Mont-Dore', kind: 'commune' }, 'de la mairie du Mont-Dore'],
    [{ id: 'ile-des-pins', name: "L'Île-des-Pins", kind: 'commune' }, "de la mairie de L'Île-des-Pins"],
    [{ id: 'province-sud', name: 'Province Sud', kind: 'province' }, 'de la province Sud'],
    [{ id: 'cafat', name: 'CAFAT — …', shortName: 'CAFAT', kind: 'public-body' }, 'de la CAFAT'],
    [{ id: 'inconnu', name: 'Office du tourisme', kind: 'other' }, 'de Office du tourisme'],
  ])('%o → %s', (partner, expected) => {
    expect(ofPartnerSite(partner)).toBe(expected);
  });

  it('names the partner’s site, or the host when the page lives elsewhere', () => {
    const kone = { id: 'kone', name: 'Koné', kind: 'commune', website: 'https://www.kone.nc' };
    expect(describeReadOn('https://kone.nc/actu/1', kone)).toBe('Lire sur le site de la mairie de Koné');
    expect(describeReadOn('https://www.service-public.fr/particuliers/vosdroits/F1', kone)).toBe(
      'Lire sur service-public.fr',
    );
    expect(describeReadOn('https://x.nc/1', { id: 'koumac', name: 'Koumac', kind: 'commune' })).toBe(
      'Lire sur le site de la mairie de Koumac',
    );
    expect(ofCommune('Le Mont-Dore')).toBe('du Mont-Dore');
    expect(theProvince('iles')).toBe('la province des Îles Loyauté');
  });
});
