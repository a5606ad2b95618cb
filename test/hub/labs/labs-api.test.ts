import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestHub, type TestHub } from '../../helpers/hub.js';
import { findSectionAuthor } from '../../../hub/labs/index.js';
import { call, LABS, makeToken, save } from './lab-client.js';

let hub: TestHub;
let sud: string;
let cafat: string;
let cafatModerator: string;

const FICHE = `Inscrire un enfant à l'école maternelle se fait à la mairie puis à l'école.

## Qui peut faire la demande

Les parents ou le responsable légal.

## Comment faire

Présentez le livret de famille et un justificatif de domicile.
`;

beforeAll(async () => {
  hub = await startTestHub({ seed: true, label: 'labs-api' });
  sud = await makeToken(hub, 'Rédactrice Province Sud', 'editor', 'province-sud');
  cafat = await makeToken(hub, 'Rédacteur CAFAT', 'editor', 'cafat');
  cafatModerator = await makeToken(hub, 'Modératrice CAFAT', 'moderator', 'cafat');
});
afterAll(() => hub.stop());

async function openLab(title = 'Inscrire son enfant à l’école') {
  const res = await call(hub, sud, LABS, {
    title,
    partnerIds: ['province-sud', 'cafat'],
    audience: ['particuliers'],
    topics: ['education'],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

describe('open labs: the whole path', () => {
  it('ends with one searchable item co-authored by both partners', async () => {
    const id = await openLab();
    expect((await call(hub, sud, `${LABS}/${id}`)).body).toMatchObject({ status: 'brouillon', revision: 0 });

    // Two partners edit.
    const r1 = await save(hub, sud, id, FICHE, 0, 'Première version');
    const r2 = await save(
      hub,
      cafat,
      id,
      FICHE.replace("puis à l'école", "puis à l'école, avant le 30 novembre"),
      r1,
      'Date limite',
    );
    expect(r2).toBe(2);
    expect((await call(hub, sud, `${LABS}/${id}/status`, { status: 'en-relecture' })).status).toBe(200);

    // Any agent comments a section; a reply; the thread is resolved.
    const comment = await call(hub, cafatModerator, `${LABS}/${id}/comments`, {
      body: 'Et pour un enfant en garde alternée ?',
      section: 'qui-peut-faire-la-demande',
    });
    expect(comment.status).toBe(201);
    const reply = await call(hub, sud, `${LABS}/${id}/comments`, {
      body: 'Les deux parents signent.',
      parentId: comment.body.id,
    });
    expect(reply.body).toMatchObject({ section: 'qui-peut-faire-la-demande', parentId: comment.body.id });
    const resolved = await call(hub, sud, `${LABS}/${id}/comments/${comment.body.id as string}/resolution`, {
      resolved: true,
    });
    expect(resolved.body.resolved).toMatchObject({ by: { name: 'Rédactrice Province Sud' } });
    const threads = (await call(hub, sud, `${LABS}/${id}/comments`)).body.comments as { replies: unknown[] }[];
    expect(threads).toHaveLength(1);
    expect(threads[0]?.replies).toHaveLength(1);

    // Sud approves; publishing without CAFAT's approval is refused.
    expect((await call(hub, sud, `${LABS}/${id}/approvals`, { revision: r2 })).status).toBe(201);
    const refused = await call(hub, sud, `${LABS}/${id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'approvals_missing', missing: ['cafat'] });

    // CAFAT edits: Sud's approval is void.
    const r3 = await save(
      hub,
      cafat,
      id,
      `${FICHE}\n## Qui peut vous aider\n\nLa mairie de votre commune.\n`,
      r2,
      'Contacts',
    );
    let lab = (await call(hub, sud, `${LABS}/${id}`)).body;
    expect(lab).toMatchObject({
      revision: r3,
      approvals: [],
      missingApprovals: ['province-sud', 'cafat'],
      status: 'en-relecture',
    });
    const history = (await call(hub, sud, `${LABS}/${id}/approvals`)).body.approvals as {
      revision: number;
      voided: boolean;
    }[];
    expect(history).toEqual([expect.objectContaining({ revision: r2, voided: true })]);
    // Approving the old revision is refused.
    expect((await call(hub, sud, `${LABS}/${id}/approvals`, { revision: r2 })).body.code).toBe('revision_outdated');

    // Who wrote each section last (the partner a comment on it is reported to).
    expect((await findSectionAuthor(id, 'qui-peut-faire-la-demande'))?.partnerId).toBe('province-sud');
    expect((await findSectionAuthor(id, 'introduction'))?.partnerId).toBe('cafat');
    expect((await findSectionAuthor(id, 'qui-peut-vous-aider'))?.partnerId).toBe('cafat');

    // Both re-approve; the lab is approved, then published.
    expect((await call(hub, sud, `${LABS}/${id}/approvals`, { revision: r3 })).status).toBe(201);
    expect((await call(hub, cafat, `${LABS}/${id}/approvals`, { revision: r3 })).status).toBe(201);
    expect((await call(hub, cafat, `${LABS}/${id}/approvals`, { revision: r3 })).status).toBe(200);
    expect((await call(hub, sud, `${LABS}/${id}`)).body.status).toBe('approuve');
    expect((await call(hub, cafat, `${LABS}/${id}/publish`, {})).body.code).toBe('lab_lead_forbidden');
    const published = await call(hub, sud, `${LABS}/${id}/publish`, {});
    expect(published.status).toBe(200);
    const itemId = published.body.itemId as string;
    expect((await call(hub, sud, `${LABS}/${id}/publish`, {})).body.code).toBe('already_published');
    lab = (await call(hub, sud, `${LABS}/${id}`)).body;
    expect(lab).toMatchObject({ status: 'publie', publishedRevision: r3, itemId });

    const item = (await call(hub, undefined, `/api/v1/items/${itemId}`)).body;
    expect(item).toMatchObject({
      partnerId: 'province-sud',
      coAuthors: ['province-sud', 'cafat'],
      type: 'procedure',
      url: `http://portal.test/articles/${itemId}`,
      summary: "Inscrire un enfant à l'école maternelle se fait à la mairie puis à l'école.",
    });
    expect(item.content).toContain('<h2>Qui peut vous aider</h2>');
    expect(item).not.toHaveProperty('unreviewedBy');
    await hub.services.catalog.search.refresh();
    const found = (await call(hub, undefined, '/api/v1/items?q=inscrire+enfant+maternelle')).body.items as {
      id: string;
    }[];
    expect(found.map((i) => i.id)).toContain(itemId);
    // Every co-author's filters, feeds and widgets find it, not only the lead's.
    const byCafat = (await call(hub, undefined, '/api/v1/items?partner=cafat')).body.items as { id: string }[];
    expect(byCafat.map((i) => i.id)).toContain(itemId);
    for (const partner of ['province-sud', 'cafat']) {
      expect(await (await hub.request(`/feeds/items.json?partner=${partner}`)).text()).toContain(itemId);
    }
  });
});

describe('revisions', () => {
  it('gives exactly one 201 and 409s with both texts to concurrent saves from the same base', async () => {
    const id = await openLab('Déclarer une naissance');
    let base = await save(hub, sud, id, 'Déclarez la naissance à la mairie.', 0);
    for (let round = 0; round < 3; round++) {
      const texts = [sud, cafat, sud, cafat].map(
        (_, i) => `Version ${round}-${i} : déclarez la naissance sous 5 jours.`,
      );
      const results = await Promise.all(
        texts.map((body, i) => call(hub, i % 2 ? cafat : sud, `${LABS}/${id}/revisions`, { body, baseRevision: base })),
      );
      const won = results.filter((r) => r.status === 201);
      const lost = results.filter((r) => r.status === 409);
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(3);
      const winnerText = texts[results.indexOf(won[0]!)];
      for (const r of lost) {
        expect(r.body).toMatchObject({
          code: 'revision_conflict',
          baseRevision: base,
          latestRevision: base + 1,
          theirs: winnerText,
        });
        expect(texts).toContain(r.body.yours);
        expect(r.body.yours).not.toBe(winnerText);
      }
      base += 1;
    }
    const revisions = (await call(hub, sud, `${LABS}/${id}/revisions`)).body.revisions as { number: number }[];
    expect(revisions.map((r) => r.number)).toEqual([1, 2, 3, 4]);
    expect((await call(hub, sud, `${LABS}/${id}`)).body.revision).toBe(4);
  });

  it('refuses a base that does not exist yet and writes nothing for an unchanged text', async () => {
    const id = await openLab('Demander une carte de transport');
    expect((await call(hub, sud, `${LABS}/${id}/revisions`, { body: 'x', baseRevision: 3 })).status).toBe(400);
    await save(hub, sud, id, 'Texte', 0);
    const same = await call(hub, cafat, `${LABS}/${id}/revisions`, { body: 'Texte', baseRevision: 1 });
    expect(same).toMatchObject({ status: 200, body: { revision: 1, unchanged: true } });
  });

  it('makes raw HTML, scripts, event handlers and javascript: links inert', async () => {
    const id = await openLab('Contenu hostile');
    const hostile = [
      '<script>alert(1)</script>',
      '<img src=x onerror="alert(2)">',
      '[clic](javascript:alert(3))',
      '![image](javascript:alert(4))',
      '<a href="javascript:alert(5)" onclick="alert(6)">lien</a>',
      '[ok](https://www.service-public.nc/)',
    ].join('\n\n');
    await save(hub, sud, id, hostile, 0);
    const html = (await call(hub, sud, `${LABS}/${id}`)).body.html as string;
    // Every tag left is one the allow-list built: no script, no image, no handler, no javascript: link.
    expect(html).not.toMatch(/<(script|img)\b|<[a-z]+\s[^>]*\son\w+=|<a [^>]*href="javascript:/i);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<a href="https://www.service-public.nc/" rel="noopener noreferrer">ok</a>');
  });

  it('diffs any two revisions word by word, since the last approved and since published', async () => {
    const id = await openLab('Diff');
    const r1 = await save(hub, sud, id, 'Le dossier est déposé en mairie.', 0);
    await call(hub, sud, `${LABS}/${id}/approvals`, { revision: r1 });
    await call(hub, cafat, `${LABS}/${id}/approvals`, { revision: r1 });
    await call(hub, sud, `${LABS}/${id}/publish`, {});
    const r2 = await save(hub, cafat, id, 'Le dossier complet est déposé en province.', r1);
    const diff = (await call(hub, sud, `${LABS}/${id}/diff?from=approved`)).body;
    expect(diff).toMatchObject({ from: r1, to: r2, inserted: 2, deleted: 1 });
    expect(diff.readable).toBe(
      'Le dossier [+ ajouté : complet +] est déposé en [- supprimé : mairie -][+ ajouté : province +].',
    );
    expect((await call(hub, sud, `${LABS}/${id}/diff?from=published&to=${r2}`)).body.from).toBe(r1);
    expect((await call(hub, sud, `${LABS}/${id}/diff?from=9`)).status).toBe(404);
  });
});
