/** Facts about one thing as label / value pairs (a source's state, an account). */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography } from '../../locale/index.js';

export interface SummaryRow {
  label: string;
  value: ComponentChildren;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl class="pl-summary">
      {rows.map((row) => (
        <div class="pl-summary__row" key={row.label}>
          <dt class="pl-summary__label">{applyFrenchTypography(row.label)}</dt>
          <dd class="pl-summary__value">{row.value}</dd>
        </div>
      ))}
    </dl>
  );
}
