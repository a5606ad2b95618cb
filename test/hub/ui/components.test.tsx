/** The kit's components rendered to strings: escaping, accessibility wiring, French text. */
import { renderToString } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import {
  ErrorSummary,
  ItemCard,
  listPageNumbers,
  Notice,
  PageShell,
  Pagination,
  RadiosField,
  renderPage,
  SanitizedHtml,
  TextField,
  type Stylesheets,
} from '../../../hub/ui/index.js';
import { validateHtml } from '../../helpers/html-validate.js';
import { GALLERY_CARDS, KitGallery } from './kit-gallery.js';

const NBSP = '\u00a0';
const STYLESHEETS = { portal: { hash: 'abc', href: '/assets/portal.abc.css' } } as unknown as Stylesheets;

describe('a page of every component', () => {
  const html = renderPage(<KitGallery />, STYLESHEETS);

  it('is valid HTML', async () => {
    expect(await validateHtml(html)).toEqual([]);
  });

  it('is French, with a skip link to the main landmark, one h1 and the face stylesheet', () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="fr">')).toBe(true);
    expect(html).toContain('<a class="pl-skip-link" href="#contenu">Aller au contenu</a>');
    expect(html).toContain('<main id="contenu" class="pl-main" tabindex="-1">');
    expect(html.match(/<h1[ >]/g)).toHaveLength(1);
    expect(html).toContain('<title>Galerie du kit — Passerelle</title>');
    expect(html).toContain('<link rel="stylesheet" href="/assets/portal.abc.css"/>');
    expect(html).toContain('<a class="pl-nav__link" href="/galerie" aria-current="page">Galerie</a>');
    expect(html).not.toMatch(/<script|<style|style="/);
  });
});

describe('escaping', () => {
  it('escapes every string, attributes included', () => {
    const card = renderToString(
      <ItemCard item={{ ...GALLERY_CARDS[0]!, title: '<img src=x onerror=alert(1)>' }} href={'"><script>'} />,
    );
    expect(card).toContain('&lt;img src=x onerror=alert(1)>');
    expect(card).not.toContain('<img');
    expect(card).toContain('href="&quot;>&lt;script>"');
    expect(renderToString(<TextField name="n" label="Nom" value={'"><script>alert(1)</script>'} />)).toContain(
      'value="&quot;>&lt;script>alert(1)&lt;/script>"',
    );
  });

  it('lets already-sanitized HTML through SanitizedHtml only', () => {
    expect(renderToString(<SanitizedHtml html="<p>Déjà <strong>nettoyé</strong></p>" class="pl-prose" />)).toBe(
      '<div class="pl-prose"><p>Déjà <strong>nettoyé</strong></p></div>',
    );
    const card = renderToString(<ItemCard item={GALLERY_CARDS[2]!} href="/" />);
    expect(card).toContain('<div class="pl-card__summary">La <mark>piscine</mark> municipale rouvre &amp; accueille');
  });
});

describe('forms', () => {
  it('ties the label, hint and error to the field and keeps the value', () => {
    const html = renderToString(
      <TextField name="nom" label="Nom" hint="Votre nom" error="Indiquez votre nom" value="Ma" />,
    );
    expect(html).toContain('<label class="pl-label" for="nom">Nom</label>');
    expect(html).toContain('<p class="pl-hint" id="nom-hint">Votre nom</p>');
    expect(html).toContain(
      `<p class="pl-field-error" id="nom-error"><span class="pl-visually-hidden">Erreur${NBSP}: </span>Indiquez votre nom</p>`,
    );
    expect(html).toContain('aria-describedby="nom-hint nom-error" aria-invalid="true"');
    expect(html).toContain('value="Ma"');
    expect(html).toContain('class="pl-field pl-field--error"');
  });

  it('gives a radio group a legend, keeps the choice, and its first radio the group id', () => {
    const html = renderToString(
      <RadiosField
        name="public"
        label="Vous êtes"
        value="b"
        options={[
          { value: 'a', label: 'A' },
          { value: 'b', label: 'B' },
        ]}
      />,
    );
    expect(html).toContain('<legend class="pl-legend">Vous êtes</legend>');
    expect(html).toContain('id="public" name="public" value="a"/>');
    expect(html).toContain('id="public-2" name="public" value="b" checked/>');
  });

  it('lists errors linking to their fields, and nothing without errors', () => {
    const html = renderToString(<ErrorSummary errors={[{ field: 'nom', message: 'Indiquez votre nom' }]} />);
    expect(html).toContain('role="alert"');
    expect(html).toContain('<li><a href="#nom">Indiquez votre nom</a></li>');
    expect(renderToString(<ErrorSummary errors={[]} />)).toBe('');
  });
});

describe('item cards', () => {
  it('marks an alert in words and by its class', () => {
    const html = renderToString(<ItemCard item={GALLERY_CARDS[0]!} href="/a" />);
    expect(html).toContain('<article class="pl-card pl-card--alert">');
    expect(html).toContain('<span class="pl-badge pl-badge--alert">Alerte</span>');
    expect(html).toContain('Publié le <time datetime="2026-10-06T00:00:00.000Z">6 octobre 2026</time>');
  });

  it("shows an event's dates and place instead of its publication date", () => {
    const html = renderToString(<ItemCard item={GALLERY_CARDS[1]!} href="/b" headingLevel={2} />);
    expect(html).toContain('<span class="pl-badge pl-badge--type">Événement</span>');
    expect(html).toContain('<time datetime="2027-03-11T13:00:00.000Z">Du 12 au 14 mars 2027</time>');
    expect(html).toContain(`<span class="pl-event__place">Lieu${NBSP}: Champ de foire</span>`);
    expect(html).toContain('<h2 class="pl-card__title">');
    expect(html).not.toContain('Publié le');
  });
});

describe('pagination', () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 12, [1, 2, null, 12]],
    [5, 12, [1, null, 4, 5, 6, null, 12]],
    [3, 12, [1, 2, 3, 4, null, 12]],
    [12, 12, [1, null, 11, 12]],
  ])('page %d of %d shows %j', (page, count, expected) => {
    expect(listPageNumbers(page, count)).toEqual(expected);
  });

  it('marks the current page and links the neighbours', () => {
    const html = renderToString(<Pagination page={2} pageCount={3} hrefFor={(p) => `/?page=${p}`} />);
    expect(html).toContain('href="/?page=1" rel="prev"');
    expect(html).toContain('href="/?page=3" rel="next"');
    expect(html).toContain('href="/?page=2" aria-current="page" aria-label="Page 2"');
    expect(renderToString(<Pagination page={1} pageCount={1} hrefFor={() => '/'} />)).toBe('');
  });
});

describe('French text', () => {
  it('says the kind of a notice in words, with French spacing', () => {
    expect(renderToString(<Notice kind="alert" title="Coupure : demain" />)).toContain(
      `<span class="pl-notice__kind">Attention</span><span> — Coupure${NBSP}: demain</span>`,
    );
  });

  it('applies French spacing to the page title', () => {
    const html = renderToString(
      <PageShell face="portal" title="Erreur : Accueil" siteName="Passerelle" brand={{ name: 'P', href: '/' }} />,
    );
    expect(html).toContain(`<title>Erreur${NBSP}: Accueil — Passerelle</title>`);
  });
});
