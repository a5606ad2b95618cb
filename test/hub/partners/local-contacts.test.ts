/**
 * « Qui peut m'aider ? »: partners' offices as public data, edited through the partner
 * API (opening hours checked by their library), and DILA office kinds mapped to the chosen
 * commune's partner, « ouvert maintenant » computed in Nouméa time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalContact } from '../../../hub/partners/index.js';
import { fillSeedOffices } from '../../../hub/partners/index.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';

let hub: TestHub;

const NOUMEA_OFFICE = {
  name: 'Hôtel de ville de Nouméa',
  address: '16 rue du Général Mangin',
  postalCode: '98800',
  city: 'Nouméa',
  phone: '27 31 15',
  email: 'accueil@ville-noumea.nc',
  openingHours: 'Mo-Fr 07:30-11:30,12:15-16:00',
  geo: { lat: -22.2745, lon: 166.4406 },
};

async function contacts(query: string): Promise<{ status: number; body: { contacts: LocalContact[] } }> {
  const res = await hub.request(`/api/v1/local-contacts?${query}`);
  return { status: res.status, body: (await res.json()) as { contacts: LocalContact[] } };
}

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'contacts' });
  const res = await hub.request('/api/v1/admin/partners/noumea', {
    method: 'PATCH',
    token: TEST_ADMIN_TOKEN,
    json: { office: NOUMEA_OFFICE },
  });
  expect(res.status, await res.clone().text()).toBe(200);
});
afterAll(async () => {
  await hub.stop();
});

describe('offices', () => {
  it('are public: every seeded partner has one, with at least its name and commune', async () => {
    const { partners } = (await (await hub.request('/api/v1/partners')).json()) as {
      partners: { id: string; office?: { name?: string; city?: string } }[];
    };
    expect(partners).toHaveLength(45);
    expect(partners.every((p) => p.office?.name && p.office.city)).toBe(true);
    expect(partners.find((p) => p.id === 'le-mont-dore')?.office).toEqual({
      name: 'Mairie du Mont-Dore',
      city: 'Le Mont-Dore',
    });
    expect(partners.find((p) => p.id === 'noumea')?.office).toEqual(NOUMEA_OFFICE);
  });

  it('refuse opening hours their library cannot read exactly, in French, and keep the old ones', async () => {
    for (const openingHours of ['du lundi au vendredi', 'lundi 08:00-12:00', 'Mo-Fr 08:00-12:00; PH off']) {
      const res = await hub.request('/api/v1/admin/partners/noumea', {
        method: 'PATCH',
        token: TEST_ADMIN_TOKEN,
        json: { office: { ...NOUMEA_OFFICE, openingHours } },
      });
      expect(res.status, openingHours).toBe(400);
      expect(await res.json()).toMatchObject({ errors: [{ field: 'office.openingHours' }] });
    }
    const partner = (await (await hub.request('/api/v1/partners/noumea')).json()) as { office: unknown };
    expect(partner.office).toEqual(NOUMEA_OFFICE);
  });

  it('are given to partners seeded before offices existed, never over what a partner wrote', async () => {
    const { PartnerModel } = await import('../../../hub/partners/partner-model.js');
    await PartnerModel.updateOne({ _id: 'bourail' }, { $unset: { office: '' } });
    expect(await fillSeedOffices()).toBe(1);
    const bourail = (await (await hub.request('/api/v1/partners/bourail')).json()) as { office: unknown };
    expect(bourail.office).toEqual({ name: 'Mairie de Bourail', city: 'Bourail' });
    expect(((await (await hub.request('/api/v1/partners/noumea')).json()) as { office: unknown }).office).toEqual(
      NOUMEA_OFFICE,
    );
  });
});

describe('GET /api/v1/local-contacts', () => {
  it("gives the chosen commune's town hall for « mairie », open on a Monday at 9 h in Nouméa", async () => {
    const { status, body } = await contacts('kinds=mairie&commune=98818&at=2026-11-30T09:00:00%2B11:00');
    expect(status).toBe(200);
    expect(body.contacts).toHaveLength(1);
    expect(body.contacts[0]).toMatchObject({
      kind: 'mairie',
      partner: { id: 'noumea', name: 'Nouméa', website: 'https://www.noumea.nc' },
      office: NOUMEA_OFFICE,
      openNow: true,
      nextChange: '2026-11-30T00:30:00.000Z', // 11 h 30 in Nouméa
      mapUrl: 'https://www.openstreetmap.org/?mlat=-22.2745&mlon=166.4406#map=18/-22.2745/166.4406',
    });
    expect(body.contacts[0]?.week?.[0]).toEqual({
      day: 'lundi',
      intervals: [
        { from: '7\u00a0h\u00a030', to: '11\u00a0h\u00a030' },
        { from: '12\u00a0h\u00a015', to: '16\u00a0h' },
      ],
    });
  });

  it('says closed at lunch time and on Sunday', async () => {
    expect(
      (await contacts('kinds=mairie&commune=98818&at=2026-11-30T12:00:00%2B11:00')).body.contacts[0]?.openNow,
    ).toBe(false);
    expect(
      (await contacts('kinds=mairie&commune=98818&at=2026-12-06T10:00:00%2B11:00')).body.contacts[0]?.openNow,
    ).toBe(false);
  });

  it('maps other kinds to their partner, once each, and makes no claim without hours', async () => {
    const { body } = await contacts('kinds=mairie,prefecture,caf,cpam,adil,pole_emploi&commune=98811');
    expect(body.contacts.map((c) => [c.kind, c.partner.id])).toEqual([
      ['mairie', 'kone'],
      ['prefecture', 'haut-commissariat'],
      ['caf', 'cafat'],
      ['pole_emploi', 'province-nord'],
    ]);
    expect(body.contacts[0]).not.toHaveProperty('openNow');
    expect(body.contacts[0]?.office).toEqual({ name: 'Mairie de Koné', city: 'Koné' });
  });

  it('refuses a commune outside New Caledonia and malformed kinds, in French', async () => {
    const bad = await contacts('kinds=mairie&commune=75056');
    expect(bad.status).toBe(400);
    const worse = await contacts('kinds=<script>&commune=98818&at=hier');
    expect(worse.status).toBe(400);
    expect((worse.body as unknown as { errors: { field: string }[] }).errors.map((e) => e.field)).toEqual([
      'kinds',
      'at',
    ]);
  });
});
