/**
 * A reset link works once, as an agent lives it: an admin creates it in « Comptes et
 * jetons », the real test SMTP server receives the mail, the agent follows the link, chooses
 * a password and is signed in; the same link, followed again or posted again, is a French
 * error page, and the new password is the one that signs in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleClient, createTestAgent, PASSWORD, signInAs } from '../helpers/console.js';
import { startTestHub, type TestHub } from '../helpers/hub.js';
import { validateHtml } from '../helpers/html-validate.js';
import { startTestSmtp, type TestSmtp } from '../helpers/smtp.js';

let hub: TestHub;
let smtp: TestSmtp;
let anaId: string;
const NEW_PASSWORD = 'la mangrove au petit matin';

describe('console: a password reset link works once', () => {
  beforeAll(async () => {
    smtp = await startTestSmtp();
    hub = await startTestHub({ seed: true, label: 'consolereset', env: { SMTP_URL: smtp.url } });
    await createTestAgent({ email: 'lea@gouv.nc', name: 'Léa Plateforme', role: 'platform-admin' });
    anaId = await createTestAgent({
      email: 'ana@koumac.nc',
      name: 'Ana Wahio',
      role: 'partner-admin',
      partnerId: 'koumac',
    });
  });
  afterAll(async () => {
    await hub?.stop();
    await smtp?.close();
  });

  it('mails the link; the first use sets the password, the second is refused in French', async () => {
    const lea = await signInAs(hub, 'lea@gouv.nc');
    await lea.html('/console/comptes');
    const created = await lea.post(`/console/comptes/${anaId}/lien`);
    expect(created.status).toBe(303);
    expect((await lea.html('/console/comptes')).html).toContain('le lien lui a été envoyé par e-mail');

    const [mail] = await smtp.waitFor(1);
    expect(mail!.to).toEqual(['ana@koumac.nc']);
    expect(mail!.text).toContain('lien valable une heure, à usage unique');
    const path = /\/console\/mot-de-passe\/[A-Za-z0-9_-]+/.exec(mail!.text)?.[0];
    expect(path).toBeDefined();

    const ana = consoleClient(hub);
    const form = await ana.html(path!);
    expect(form.status).toBe(200);
    expect(form.html).toContain('ana@koumac.nc');
    expect(await validateHtml(form.html)).toEqual([]);
    const used = await ana.post(path!, { password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(used.status).toBe(303);
    expect(used.headers.get('location')).toBe('/console');
    expect((await ana.html('/console')).html).toContain('Votre mot de passe est enregistré');

    // Followed again, from another browser: the French page, no form.
    const other = consoleClient(hub);
    const again = await other.html(path!);
    expect(again.status).toBe(410);
    expect(again.html).toContain('Ce lien ne fonctionne plus');
    expect(again.html).toMatch(/Il a déjà servi ou il a expiré/);
    expect(again.html).not.toContain('name="password"');
    expect(await validateHtml(again.html)).toEqual([]);

    // Posted again with a valid anonymous form token: refused, the password unchanged.
    await other.html('/console/connexion');
    const replay = await other.post(path!, {
      password: 'un autre mot de passe',
      confirmation: 'un autre mot de passe',
    });
    expect(replay.status).toBe(410);
    expect(await replay.text()).toContain('Ce lien ne fonctionne plus');

    await expect(signInAs(hub, 'ana@koumac.nc', PASSWORD)).rejects.toThrow(/answered 200|answered 4/);
    await expect(signInAs(hub, 'ana@koumac.nc', 'un autre mot de passe')).rejects.toThrow();
    expect((await (await signInAs(hub, 'ana@koumac.nc', NEW_PASSWORD)).html('/console')).status).toBe(200);
  }, 120_000);
});
