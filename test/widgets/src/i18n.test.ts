import { describe, expect, it } from 'vitest';
import { formatDate, MESSAGES, pickLang, translate } from '../../../widgets/src/i18n.js';

/** Every refusal code of the v1 contract, and the failures the widget makes itself. */
const CONTRACT_CODES = [
  'visitor_required',
  'invalid_input',
  'honeypot',
  'too_fast',
  'form_token_invalid',
  'form_token_expired',
  'duplicate_comment',
  'rate_limited',
  'origin_not_allowed',
  'already_flagged',
  'edit_window_closed',
  'not_found',
  'comments_closed',
];

describe('the message table', () => {
  it('has the same keys in French and English, none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.fr).sort());
    for (const lang of ['fr', 'en'] as const) {
      for (const [key, text] of Object.entries(MESSAGES[lang])) expect(text.trim(), `${lang}.${key}`).not.toBe('');
    }
  });

  it('turns every refusal code of the contract into French', () => {
    for (const code of CONTRACT_CODES) expect(MESSAGES.fr).toHaveProperty(`code_${code}`);
    expect(translate('fr', 'code_too_fast')).toBe(
      "Merci de patienter quelques secondes avant d'envoyer votre commentaire.",
    );
    expect(translate('fr', 'code_rate_limited', { s: 30 })).toBe(
      "Trop d'envois en peu de temps. Réessayez dans 30 secondes.",
    );
  });

  it('says the moderation outcomes and the outage in the words of the issue', () => {
    expect(translate('fr', 'published')).toBe('Votre commentaire a été publié.');
    expect(translate('fr', 'pending')).toBe('Votre commentaire sera publié après relecture par la modération.');
    expect(translate('fr', 'unavailable')).toBe('Le service est momentanément indisponible. Réessayez plus tard.');
  });
});

describe('translate', () => {
  it.each([
    ['fr', 0, '0 résultat'],
    ['fr', 1, '1 résultat'],
    ['fr', 2, '2 résultats'],
    ['en', 0, '0 results'],
    ['en', 1, '1 result'],
    ['en', 12, '12 results'],
  ] as const)('%s plural of %d', (lang, n, expected) => {
    expect(translate(lang, 'results', { n })).toBe(expected);
  });

  it('spaces French punctuation in the message, never in the values', () => {
    expect(translate('fr', 'flagLegend')).toBe('Pourquoi signaler ce commentaire\u202f?');
    expect(translate('fr', 'eventPlace', { place: 'Salle : A ; B' })).toBe('Lieu\u00a0: Salle : A ; B');
    expect(translate('en', 'eventPlace', { place: 'Hall' })).toBe('Venue: Hall');
  });

  it('fills values', () => {
    expect(translate('fr', 'official', { partner: 'Nouméa' })).toBe('Réponse officielle — Nouméa');
  });
});

describe('pickLang', () => {
  it.each([
    [null, 'fr'],
    ['', 'fr'],
    ['fr-NC', 'fr'],
    ['en', 'en'],
    ['EN-gb', 'en'],
    ['de', 'fr'],
  ] as const)('%s → %s', (value, lang) => {
    expect(pickLang(value)).toBe(lang);
  });
});

describe('formatDate', () => {
  it("formats in French in New Caledonia's time zone (UTC+11)", () => {
    // 14:30 UTC on 31 December is already 1 January in Nouméa.
    expect(formatDate('fr', '2024-12-31T14:30:00Z')).toBe('1er janvier 2025');
    expect(formatDate('fr', '2024-12-31T14:30:00Z', true)).toBe('1er janvier 2025 à 1\u00a0h\u00a030');
    expect(formatDate('en', '2024-12-31T14:30:00Z')).toBe('1 January 2025');
  });

  it('gives an empty string for a missing or invalid date', () => {
    expect(formatDate('fr', undefined)).toBe('');
    expect(formatDate('fr', 'hier')).toBe('');
  });
});
