/** Differences between two revisions of a lab, with the one-click comparisons. */
import { Button, SelectField, type Choice } from '../../hub/ui/index.js';
import type { LabView, WordDiff } from '../../hub/labs/index.js';
import type { Chrome } from '../chrome.js';
import { WordDiffView } from '../components/word-diff.js';
import { ConsoleLayout } from '../layout.js';

export interface LabDiffPageProps {
  chrome: Chrome;
  lab: LabView;
  from: number;
  to: number;
  diff: WordDiff;
  revisions: number[];
  lastApproved?: number;
}

export function LabDiffPage({ chrome, lab, from, to, diff, revisions, lastApproved }: LabDiffPageProps) {
  const base = `/console/ateliers/${lab.id}`;
  const choices: Choice[] = revisions.map((n) => ({ value: String(n), label: `Révision ${n}` }));
  return (
    <ConsoleLayout
      chrome={chrome}
      title={`Différences : révision ${from} → ${to}`}
      breadcrumbs={[
        { label: 'Ateliers', href: '/console/ateliers' },
        { label: lab.title, href: base },
        { label: 'Différences' },
      ]}
    >
      <ul class="pl-inline-list pl-lab-shortcuts">
        {lastApproved !== undefined && (
          <li>
            <a href={`${base}/differences?de=${lastApproved}&a=${lab.revision}`}>
              Depuis la dernière version approuvée
            </a>
          </li>
        )}
        {lab.publishedRevision !== null && (
          <li>
            <a href={`${base}/differences?de=${lab.publishedRevision}&a=${lab.revision}`}>Depuis la publication</a>
          </li>
        )}
      </ul>
      <form method="get" action={`${base}/differences`} class="pl-form pl-form--inline">
        <SelectField name="de" label="De la révision" options={choices} value={String(from)} />
        <SelectField name="a" label="À la révision" options={choices} value={String(to)} />
        <Button>Comparer</Button>
      </form>
      <WordDiffView diff={diff} label={`Différences entre les révisions ${from} et ${to}`} />
    </ConsoleLayout>
  );
}
