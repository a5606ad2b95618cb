/**
 * What agents hear of a lab, through the real hub, database and a real SMTP server: the
 * concerned partner when review is asked and when its approval is voided, the lead partner
 * when another partner approves; the daily due-date check tells each partner once; and
 * publishing the lab that answers a wish closes the wish with the item.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyLabsDueSoon } from '../../../hub/labs/index.js';
import { createNotifications, createMailer } from '../../../hub/notifications/index.js';
import { createLogger } from '../../../hub/log.js';
import { createTestAgent } from '../../helpers/console.js';
import { startTestHub, TEST_ADMIN_TOKEN, type TestHub } from '../../helpers/hub.js';
import { startTestSmtp, type TestSmtp } from '../../helpers/smtp.js';
import { call, LABS, makeToken, save } from './lab-client.js';

let hub: TestHub;
let smtp: TestSmtp;
let sud: string;
let cafat: string;

const TEXT = `## Qui peut faire la demande\n\nLes parents ou le responsable légal.\n`;

beforeAll(async () => {
  smtp = await startTestSmtp();
  hub = await startTestHub({ seed: true, label: 'labs-notify', env: { SMTP_URL: smtp.url } });
  await createTestAgent({ email: 'lise@province-sud.nc', name: 'Lise Sud', role: 'editor', partnerId: 'province-sud' });
  await createTestAgent({ email: 'marc@cafat.nc', name: 'Marc Cafat', role: 'editor', partnerId: 'cafat' });
  sud = await makeToken(hub, 'Rédactrice Province Sud', 'editor', 'province-sud');
  cafat = await makeToken(hub, 'Rédacteur CAFAT', 'editor', 'cafat');
}, 120_000);
afterAll(async () => {
  await hub?.stop();
  await smtp?.close();
});

async function openLab(extra: Record<string, unknown> = {}): Promise<string> {
  const res = await call(hub, sud, LABS, {
    title: 'Déclarer une naissance',
    partnerIds: ['province-sud', 'cafat'],
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

const mailsTo = (address: string) => smtp.messages.filter((m) => m.to.includes(address));

describe('notifications of a lab', () => {
  it('tell the other partner of a review, the lead of an approval, and the other partner when a revision voids it', async () => {
    const id = await openLab();
    const r1 = await save(hub, sud, id, TEXT, 0, 'Première version');
    expect((await call(hub, sud, `${LABS}/${id}/status`, { status: 'en-relecture' })).status).toBe(200);
    await smtp.waitFor(1);
    expect(mailsTo('marc@cafat.nc').map((m) => m.subject)).toEqual(['Relecture demandée : « Déclarer une naissance »']);
    expect(mailsTo('lise@province-sud.nc')).toEqual([]);

    expect((await call(hub, cafat, `${LABS}/${id}/approvals`, { revision: r1 })).status).toBe(201);
    await smtp.waitFor(2);
    expect(mailsTo('lise@province-sud.nc').map((m) => m.subject)).toEqual([
      expect.stringMatching(/ approuve « Déclarer une naissance »$/),
    ]);

    await save(hub, sud, id, `${TEXT}\n## Comment faire\n\nÀ la mairie.\n`, r1, 'Comment faire');
    await smtp.waitFor(3);
    expect(mailsTo('marc@cafat.nc').map((m) => m.subject)).toEqual([
      'Relecture demandée : « Déclarer une naissance »',
      'Nouvelle version de « Déclarer une naissance » : approbation à renouveler',
    ]);
    expect(smtp.messages).toHaveLength(3);
  }, 120_000);

  it('tell each concerned partner once when a lab is due within three days', async () => {
    const due = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const later = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    await openLab({ dueDate: due });
    await openLab({ dueDate: later });
    const notifications = createNotifications({
      mailer: createMailer({ publicUrl: hub.url }),
      recipients: async () => [],
      publicUrl: hub.url,
      log: createLogger('silent'),
    });
    expect(await notifyLabsDueSoon(notifications)).toBe(2);
    // A second hub, or the next day's run: nothing twice.
    expect(await notifyLabsDueSoon(notifications)).toBe(0);
  }, 60_000);

  it('close the wish a published lab answers, with the item', async () => {
    const created = await call(hub, TEST_ADMIN_TOKEN, '/api/v1/admin/wishes', {
      title: 'Que faire à la naissance d’un enfant ?',
      body: 'Demandé en commentaire sous notre publication.',
      network: 'facebook',
      postUrl: 'https://www.facebook.com/provincesud/posts/1',
    });
    expect(created.status).toBe(201);
    const wishId = ((created.body.wish as { id?: string } | undefined)?.id ?? created.body.id) as string;
    const study = await call(hub, TEST_ADMIN_TOKEN, `/api/v1/admin/wishes/${wishId}/status`, {
      status: 'a-l-etude',
      partnerIds: ['province-sud'],
    });
    expect(study.status).toBe(200);
    const id = await openLab({ wishId });
    const r1 = await save(hub, sud, id, TEXT, 0, 'Première version');
    for (const token of [sud, cafat])
      expect((await call(hub, token, `${LABS}/${id}/approvals`, { revision: r1 })).status).toBe(201);
    const published = await call(hub, sud, `${LABS}/${id}/publish`, {});
    expect(published.status, JSON.stringify(published.body)).toBe(200);
    const wish = await call(hub, undefined, `/api/v1/wishes/${wishId}`);
    expect(wish.body).toMatchObject({ status: 'publie' });
    expect(JSON.stringify(wish.body.history)).toContain(published.body.itemId as string);
  }, 120_000);
});
