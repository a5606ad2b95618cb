/** The public response times per partner: median days to a first answer, share answered within 30 days. */
import { Table } from '../../hub/ui/index.js';
import type { PartnerResponseTimes } from '../../hub/voice/index.js';
import { formatDays, formatShare } from '../view/wishes.js';

export function ResponseTimes({ rows }: { rows: PartnerResponseTimes[] }) {
  return (
    <Table
      id="delais"
      caption="Délais de réponse, partenaire par partenaire"
      captionHidden
      rowKey={(row) => row.partnerId}
      rows={rows}
      empty="Aucun souhait n’a encore été confié à un partenaire."
      columns={[
        {
          header: 'Partenaire',
          rowHeader: true,
          cell: (row) => <a href={`/partenaires/${encodeURIComponent(row.partnerId)}`}>{row.name}</a>,
        },
        { header: 'Souhaits confiés', numeric: true, cell: (row) => String(row.assigned) },
        { header: 'Répondus', numeric: true, cell: (row) => String(row.answered) },
        {
          header: 'Délai médian de première réponse',
          numeric: true,
          cell: (row) => (row.medianDays === null ? '—' : formatDays(row.medianDays)),
        },
        {
          header: 'Répondus en 30 jours',
          numeric: true,
          cell: (row) => (row.answeredWithin30Days === null ? '—' : formatShare(row.answeredWithin30Days)),
        },
      ]}
    />
  );
}
