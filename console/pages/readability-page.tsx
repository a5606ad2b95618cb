/** Lisibilité: a partner's pages hardest to read first, with the sentence and word lengths behind the score. */
import type { ReadabilityRow } from '../../hub/items/index.js';
import { applyFrenchTypography, Pagination, Table, type Choice } from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { VoiceTabs } from '../components/voice-tabs.js';
import { ConsoleLayout } from '../layout.js';
import { PartnerPicker } from './feedback-page.js';

export interface ReadabilityPageProps {
  chrome: Chrome;
  partnerId?: string;
  partnerName?: string;
  partners?: Choice[];
  rows: ReadabilityRow[];
  total: number;
  page: number;
  pageCount: number;
}

const PATH = '/console/lisibilite';

/** The Flesch bands, as Kandel & Moles kept them, in words an editor understands. */
export function describeScore(score: number): string {
  if (score >= 70) return 'facile';
  if (score >= 60) return 'courant';
  if (score >= 50) return 'assez difficile';
  if (score >= 30) return 'difficile';
  return 'très difficile';
}

function decimal(n: number): string {
  return n.toLocaleString('fr-FR', { maximumFractionDigits: 2 });
}

export function ReadabilityPage(props: ReadabilityPageProps) {
  const { chrome, partnerId, partnerName, partners, rows, total, page, pageCount } = props;
  const href = (p: number) =>
    `${PATH}?${new URLSearchParams({ ...(partners && partnerId ? { partenaire: partnerId } : {}), page: String(p) }).toString()}`;
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Lisibilité des pages"
      lede={applyFrenchTypography(
        'Le score de Kandel et Moles (la formule de Flesch adaptée au français) : plus il est bas, plus la page est difficile à lire. Des phrases plus courtes et des mots plus simples le font monter.',
      )}
    >
      <VoiceTabs current="lisibilite" partner={partners ? partnerId : undefined} />
      {partners && <PartnerPicker partners={partners} partnerId={partnerId} action={PATH} />}
      {partnerId && (
        <Table
          id="lisibilite"
          caption={applyFrenchTypography(
            `${partnerName ?? partnerId} : ${total} pages mesurées, les plus difficiles d’abord`,
          )}
          rows={rows}
          rowKey={(r) => r.id}
          empty="Aucune page mesurée pour l’instant."
          columns={[
            { header: 'Page', rowHeader: true, cell: (r) => <a href={`/articles/${r.id}`}>{r.title}</a> },
            {
              header: 'Score',
              numeric: true,
              cell: (r) => `${decimal(r.readability.score)} (${describeScore(r.readability.score)})`,
            },
            { header: 'Mots par phrase', numeric: true, cell: (r) => decimal(r.readability.wordsPerSentence) },
            { header: 'Syllabes par mot', numeric: true, cell: (r) => decimal(r.readability.syllablesPerWord) },
            { header: 'Phrases de plus de 25 mots', numeric: true, cell: (r) => String(r.readability.longSentences) },
            { header: 'Mots', numeric: true, cell: (r) => String(r.readability.words) },
          ]}
        />
      )}
      {partnerId && <Pagination page={page} pageCount={pageCount} hrefFor={href} />}
    </ConsoleLayout>
  );
}
