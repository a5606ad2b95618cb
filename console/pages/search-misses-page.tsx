/** Recherches sans réponse: the week's searches that found nothing, each with « En faire un souhait à étudier ». */
import type { UnansweredQuery } from '../../hub/voice/index.js';
import { applyFrenchTypography, Table } from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { VoiceTabs } from '../components/voice-tabs.js';
import { ConsoleLayout } from '../layout.js';

export interface SearchMissesPageProps {
  chrome: Chrome;
  week: string;
  /** « du 30 novembre au 6 décembre 2026 ». */
  weekLabel: string;
  previousWeek: string;
  nextWeek?: string;
  queries: UnansweredQuery[];
  /** May make a wish of a search. */
  makesWishes: boolean;
}

export const SEARCH_MISSES_PATH = '/console/recherches-sans-reponse';

export function SearchMissesPage(props: SearchMissesPageProps) {
  const { chrome, week, weekLabel, previousWeek, nextWeek, queries, makesWishes } = props;
  return (
    <ConsoleLayout
      chrome={chrome}
      title="Recherches sans réponse"
      lede={applyFrenchTypography(
        'Ce que les citoyens ont cherché sans rien trouver, sur le portail et dans les widgets de recherche. Seules la recherche (en minuscules, sans accents) et la semaine sont gardées : rien sur la personne.',
      )}
    >
      <VoiceTabs current="recherches" />
      <nav aria-label="Semaines" class="pl-actions">
        <a href={`${SEARCH_MISSES_PATH}?semaine=${previousWeek}`}>Semaine précédente</a>
        {nextWeek && <a href={`${SEARCH_MISSES_PATH}?semaine=${nextWeek}`}>Semaine suivante</a>}
      </nav>
      <Table
        id="recherches"
        caption={applyFrenchTypography(`Semaine ${week} (${weekLabel}) : les plus fréquentes d’abord`)}
        rows={queries}
        rowKey={(q) => q.query}
        empty="Aucune recherche sans réponse cette semaine."
        columns={[
          { header: 'Recherche', rowHeader: true, cell: (q) => `« ${q.query} »` },
          { header: 'Fois', numeric: true, cell: (q) => String(q.count) },
          ...(makesWishes
            ? [
                {
                  header: 'Action',
                  cell: (q: UnansweredQuery) => (
                    <form method="post" action={`${SEARCH_MISSES_PATH}/souhait`}>
                      <CsrfField token={chrome.csrf} />
                      <input type="hidden" name="query" value={q.query} />
                      <input type="hidden" name="week" value={q.week} />
                      <button type="submit" class="pl-link-button">
                        En faire un souhait à étudier
                        <span class="pl-visually-hidden"> : « {q.query} »</span>
                      </button>
                    </form>
                  ),
                },
              ]
            : []),
        ]}
      />
    </ConsoleLayout>
  );
}
