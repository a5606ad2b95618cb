/**
 * Plain-text hygiene for what citizens type. Nothing here makes text "safe HTML": the API
 * never returns HTML from users, so `<script>` stays the seven characters it was typed as
 * and the widget shows it with textContent.
 */
import { createHash } from 'node:crypto';
import { removeInvisibleCharacters } from '../../../connectors/text/index.js';

// C0/C1 controls except tab and newline; bidirectional embeddings, overrides and isolates
// (used to disguise text); zero-width space, word joiner and byte-order mark.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B\u202A-\u202E\u2060\u2066-\u2069\uFEFF]/g;
// A zero-width joiner is kept only inside an emoji sequence (👩‍💻: woman, ZWJ, laptop).
const STRAY_JOINER =
  /(?<![\p{Extended_Pictographic}\p{Emoji_Modifier}]\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;

/**
 * A comment body: Unicode NFC, CRLF → LF, controls removed, at most one blank line in a
 * row, trimmed. What a citizen may mean is kept: the zero-width joiner inside an emoji
 * sequence, the non-joiner (Persian and other scripts) and the direction marks LRM/RLM,
 * which change no order but help mixed-direction text.
 */
export function normalizeBody(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(STRAY_JOINER, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A pseudonym: one line, spaces collapsed, no invisible character at all (look-alike names), trimmed. */
export function normalizeAuthor(raw: string): string {
  return removeInvisibleCharacters(raw.normalize('NFC').replace(CONTROLS, '')).replace(/\s+/g, ' ').trim();
}

/** How many links a text holds (http(s)://… or www.…). */
export function countLinks(text: string): number {
  return text.match(LINK)?.length ?? 0;
}

/** True when the text contains something shaped like an e-mail address. */
export function containsEmail(text: string): boolean {
  return EMAIL.test(text);
}

/** Fingerprint of a body for duplicate detection: case and spacing do not matter. */
export function bodyFingerprint(body: string): string {
  return createHash('sha256').update(body.toLocaleLowerCase('fr').replace(/\s+/g, ' ').trim()).digest('hex');
}
