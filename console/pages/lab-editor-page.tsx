/**
 * The lab's editor: the whole Markdown document, the revision it starts from and a change
 * note. A stale save comes back here (409) with the agent's text and the newer one side by
 * side, and the word diff between them, to merge and save again from the newer revision.
 */
import {
  applyFrenchTypography,
  Button,
  ErrorSummary,
  formatDateTime,
  Notice,
  TextareaField,
  TextField,
} from '../../hub/ui/index.js';
import type { LabView, WordDiff } from '../../hub/labs/index.js';
import type { Chrome } from '../chrome.js';
import { CsrfField } from '../components/csrf-field.js';
import { WordDiffView } from '../components/word-diff.js';
import { ConsoleLayout } from '../layout.js';

export interface LabConflict {
  theirs: string;
  theirsRevision: number;
  theirsAuthor: string;
  theirsAt: string;
  yoursBase: number;
  diff: WordDiff;
}

export interface LabEditorPageProps {
  chrome: Chrome;
  lab: LabView;
  body: string;
  baseRevision: number;
  note: string;
  conflict?: LabConflict;
  error?: string;
}

const HINT =
  'Markdown : « ## Titre » ouvre une section (Qu’est-ce que c’est, Qui peut faire la démarche, Comment faire, Qui peut vous aider), « - » une liste, [texte](https://adresse) un lien.';

export function LabEditorPage({ chrome, lab, body, baseRevision, note, conflict, error }: LabEditorPageProps) {
  const base = `/console/ateliers/${lab.id}`;
  return (
    <ConsoleLayout
      chrome={chrome}
      title={`Modifier : ${lab.title}`}
      refused={!!conflict || !!error}
      breadcrumbs={[
        { label: 'Ateliers', href: '/console/ateliers' },
        { label: lab.title, href: base },
        { label: 'Modifier' },
      ]}
    >
      {error && <ErrorSummary errors={[{ field: 'body', message: error }]} />}
      {conflict && <ConflictView conflict={conflict} body={body} />}
      <form method="post" action={`${base}/modifier`} class="pl-form">
        <CsrfField token={chrome.csrf} />
        <input type="hidden" name="baseRevision" value={String(baseRevision)} />
        <p class="pl-muted">
          {applyFrenchTypography(
            conflict
              ? `Votre texte, à fusionner avec la révision ${baseRevision}, puis à enregistrer.`
              : `Vous partez de la révision ${baseRevision}.`,
          )}
        </p>
        <TextareaField name="body" label="Document" hint={HINT} value={body} rows={22} error={error} />
        <TextField name="note" label="Note de modification" hint="Courte : ce qui change et pourquoi." value={note} />
        <Button>Enregistrer la révision</Button>
      </form>
    </ConsoleLayout>
  );
}

function ConflictView({ conflict, body }: { conflict: LabConflict; body: string }) {
  return (
    <section class="pl-section" aria-labelledby="conflit-titre">
      <Notice
        kind="alert"
        title={`${conflict.theirsAuthor} a enregistré la révision ${conflict.theirsRevision} le ${formatDateTime(conflict.theirsAt)}, pendant que vous modifiiez la révision ${conflict.yoursBase}.`}
      >
        <p>
          {applyFrenchTypography(
            'Votre texte n’a pas été enregistré. Comparez les deux versions, reportez ce qui manque dans le champ « Document », puis enregistrez.',
          )}
        </p>
      </Notice>
      <h2 id="conflit-titre">Les deux versions</h2>
      <div class="pl-lab-compare">
        <div>
          <h3 id="leur-texte">{`Révision ${conflict.theirsRevision} (${conflict.theirsAuthor})`}</h3>
          <pre class="pl-lab-compare__text" tabIndex={0} aria-labelledby="leur-texte">
            {conflict.theirs}
          </pre>
        </div>
        <div>
          <h3 id="votre-texte">Votre texte</h3>
          <pre class="pl-lab-compare__text" tabIndex={0} aria-labelledby="votre-texte">
            {body}
          </pre>
        </div>
      </div>
      <h3>{`Ce que votre texte change par rapport à la révision ${conflict.theirsRevision}`}</h3>
      <WordDiffView diff={conflict.diff} label="Différences entre la révision enregistrée et votre texte" />
    </section>
  );
}
