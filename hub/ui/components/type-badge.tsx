/** The item's type as a small label; an alert's stands out in shape and colour as well as in words. */
import { getItemTypeLabel } from '../item-types.js';

export function TypeBadge({ type }: { type: string }) {
  return <span class={`pl-badge pl-badge--${type === 'alert' ? 'alert' : 'type'}`}>{getItemTypeLabel(type)}</span>;
}
