/** Wishes as the portal shows them: statuses in words, filters' choices, addresses of a list. */
import { WISH_STATUS_LABELS } from '../../hub/voice/index.js';
import { getCommuneName } from '../../hub/search/index.js';
import type { TagTone } from '../../hub/ui/index.js';

export const WISH_STATUSES = ['nouveau', 'a-l-etude', 'accepte', 'publie', 'refuse', 'doublon'] as const;

export const WISH_SORT_CHOICES = [
  { value: 'supports', label: 'Les plus soutenus' },
  { value: 'recent', label: 'Les plus récents' },
  { value: 'answered', label: 'Récemment répondus' },
];

export const AUDIENCE_CHOICES = [
  { value: 'particuliers', label: 'Particuliers' },
  { value: 'professionnels', label: 'Professionnels' },
  { value: 'associations', label: 'Associations' },
];

const TONES: Record<string, TagTone> = {
  nouveau: 'neutral',
  'a-l-etude': 'info',
  accepte: 'info',
  publie: 'success',
  refuse: 'alert',
  doublon: 'neutral',
};

export function getWishStatusLabel(status: string): string {
  return WISH_STATUS_LABELS[status] ?? status;
}

export function getWishStatusTone(status: string): TagTone {
  return TONES[status] ?? 'neutral';
}

export function listStatusChoices(): { value: string; label: string }[] {
  return WISH_STATUSES.map((value) => ({ value, label: getWishStatusLabel(value) }));
}

/** The 33 communes by INSEE code (98801 to 98833), by name. */
export function listCommuneChoices(): { value: string; label: string }[] {
  const choices: { value: string; label: string }[] = [];
  for (let n = 1; n <= 33; n += 1) {
    const code = `988${String(n).padStart(2, '0')}`;
    const name = getCommuneName(code);
    if (name) choices.push({ value: code, label: name });
  }
  return choices.sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

export function wishPath(id: string): string {
  return `/souhaits/${encodeURIComponent(id)}`;
}

/** The list's state as it appears in its address (defaults left out). */
export interface WishListState {
  sort: string;
  status?: string;
  topic?: string;
  commune?: string;
  page: number;
}

export function wishListHref(state: WishListState, page = state.page): string {
  const query = new URLSearchParams();
  if (state.sort !== 'supports') query.set('tri', state.sort);
  if (state.status) query.set('statut', state.status);
  if (state.topic) query.set('theme', state.topic);
  if (state.commune) query.set('commune', state.commune);
  if (page > 1) query.set('page', String(page));
  const qs = query.toString();
  return `/souhaits${qs ? `?${qs}` : ''}`;
}

/** « 12 jours », « 1,5 jour »: a median in days, French decimals. */
export function formatDays(days: number): string {
  const text = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 }).format(days);
  return `${text}\u00a0jour${days >= 2 ? 's' : ''}`;
}

export function formatShare(share: number): string {
  return new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 }).format(share);
}
