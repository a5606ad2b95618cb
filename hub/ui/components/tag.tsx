/** A short status in words, with a colour that only repeats it: « En échec », « Publié », « Désactivée ». */
import { applyFrenchTypography } from '../../locale/index.js';

export type TagTone = 'neutral' | 'info' | 'success' | 'alert';

export function Tag({ tone = 'neutral', children }: { tone?: TagTone; children: string }) {
  return <strong class={`pl-tag pl-tag--${tone}`}>{applyFrenchTypography(children)}</strong>;
}
