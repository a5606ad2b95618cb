/** French words of the labs' screens. */
import type { LabStatus } from '../../hub/labs/index.js';
import type { TagTone } from '../../hub/ui/index.js';

export const LAB_STATUS: Record<LabStatus, { label: string; tone: TagTone }> = {
  brouillon: { label: 'Brouillon', tone: 'neutral' },
  'en-relecture': { label: 'En relecture', tone: 'info' },
  approuve: { label: 'Approuvé', tone: 'success' },
  publie: { label: 'Publié', tone: 'success' },
  abandonne: { label: 'Abandonné', tone: 'alert' },
};

/** « Province Sud, CAFAT et Ville de Nouméa ». */
export function listNames(names: string[]): string {
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} et ${names.at(-1)}`;
}

/** « Aussi ouvert par : Paul Nouméa (Ville de Nouméa). », or '' when nobody else has the lab open. */
export function presenceText(
  present: { name: string; partnerId?: string }[],
  partnerName: (id: string) => string,
): string {
  if (present.length === 0) return '';
  const names = present.map((p) => (p.partnerId ? `${p.name} (${partnerName(p.partnerId)})` : p.name));
  return `Aussi ouvert par : ${listNames(names)}.`;
}
