/**
 * Plain-text hygiene for what citizens type. Nothing here makes text "safe HTML": the API
 * never returns HTML from users, so `<script>` stays the seven characters it was typed as
 * and the widget shows it with textContent.
 */
import { createHash } from 'node:crypto';

// C0/C1 controls except tab and newline; bidirectional overrides and isolates (used to
// disguise text); the byte-order mark.
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]/g;
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"]+/gi;
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;

/** A comment body: Unicode NFC, CRLF → LF, controls removed, at most one blank line in a row, trimmed. */
export function normalizeBody(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROLS, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A pseudonym: one line, spaces collapsed, trimmed. */
export function normalizeAuthor(raw: string): string {
  return raw.normalize('NFC').replace(CONTROLS, '').replace(/\s+/g, ' ').trim();
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
