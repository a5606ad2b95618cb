/** Creating or editing a source: discovery from a site's address, live preview, save. */
import type { DiscoveredFeed } from '../../connectors/index.js';
import type { ItemInput, SourceKind } from '../../schemas/index.js';
import {
  applyFrenchTypography,
  Breadcrumbs,
  Button,
  ErrorSummary,
  formatDateTime,
  SelectField,
  TextareaField,
  TextField,
  type Choice,
} from '../../hub/ui/index.js';
import type { Chrome } from '../chrome.js';
import { bindFields, errorEntries, type FieldErrors } from '../components/form-field.js';
import { PostForm } from '../components/post-form.js';
import { SOURCE_KIND_LABELS } from '../labels.js';
import { ConsoleLayout } from '../layout.js';

export interface SourceFormValues {
  partnerId: string;
  kind: SourceKind;
  name: string;
  url: string;
  site: string;
  schedule: string;
  mapping: string;
}

export type PreviewState =
  { items: ItemInput[]; rejected: number; fetched: number; error?: undefined } | { error: string; items?: undefined };

export interface SourceFormPageProps {
  chrome: Chrome;
  values: SourceFormValues;
  /** Set when editing: partner and kind can no longer change. */
  editingId?: string | undefined;
  /** Platform admins choose the partner. */
  partners?: Choice[] | undefined;
  errors?: FieldErrors;
  discovered?: DiscoveredFeed[];
  preview?: PreviewState;
}

const KIND_CHOICES: Choice[] = Object.entries(SOURCE_KIND_LABELS).map(([value, label]) => ({ value, label }));

export function SourceFormPage(props: SourceFormPageProps) {
  const { chrome, values: v, editingId } = props;
  const errors = props.errors ?? {};
  const summary = errorEntries(errors);
  const field = bindFields(v, errors);
  const action = editingId ? `/console/sources/${editingId}/modifier` : '/console/sources/nouvelle';
  const title = editingId ? 'Modifier la source' : 'Ajouter une source';
  return (
    <ConsoleLayout
      chrome={chrome}
      title={title}
      refused={summary.length > 0}
      breadcrumbs={<Breadcrumbs items={[{ label: 'Sources', href: '/console/sources' }, { label: title }]} />}
      lede={applyFrenchTypography(
        'Vérifiez l’aperçu avant d’enregistrer : rien n’est enregistré tant que vous n’avez pas cliqué sur « Enregistrer ».',
      )}
    >
      <ErrorSummary errors={summary} />
      <PostForm action={action} csrf={chrome.csrf} data-preview={action}>
        {props.partners && (
          <SelectField
            {...field('partnerId')}
            label="Partenaire"
            options={props.partners}
            placeholder="Choisir un partenaire"
          />
        )}
        {!editingId && <SelectField {...field('kind')} label="Type de source" options={KIND_CHOICES} />}
        {!editingId && v.kind === 'feed' && (
          <fieldset class="pl-fieldset pl-discover">
            <legend class="pl-legend">Trouver le flux de votre site</legend>
            <TextField
              {...field('site')}
              label="Adresse de votre site"
              hint="Par exemple https://www.koumac.nc : Passerelle cherche les flux que la page annonce."
              type="url"
            />
            <Button name="action" value="decouvrir" variant="secondary">
              Chercher les flux
            </Button>
            {props.discovered && (
              <ul class="pl-discovered" aria-label="Flux trouvés">
                {props.discovered.map((f) => (
                  <li key={f.url}>
                    {f.title ?? f.url} ({f.format.toUpperCase()}) — <code>{f.url}</code>
                  </li>
                ))}
              </ul>
            )}
          </fieldset>
        )}
        <div data-preview-field>
          <TextField {...field('url')} label="Adresse du flux ou de l’API" type="url" spellcheck={false} />
        </div>
        <TextField {...field('name')} label="Nom (facultatif)" hint="Le nom que vous verrez dans la console." />
        <TextField
          {...field('schedule')}
          label="Calendrier (facultatif)"
          hint="Expression cron, heure de Nouméa. Vide : toutes les 30 minutes."
          width={20}
          spellcheck={false}
        />
        {v.kind === 'json-api' && (
          <div data-preview-field>
            <TextareaField
              {...field('mapping')}
              label="Correspondance des champs (JSON)"
              hint="Où trouver la liste, le titre, l’adresse et la date dans la réponse de l’API."
              rows={10}
            />
          </div>
        )}
        <div class="pl-actions">
          <Button name="action" value="apercu" variant="secondary">
            Prévisualiser
          </Button>
          <Button name="action" value="enregistrer">
            Enregistrer
          </Button>
        </div>
      </PostForm>
      <section class="pl-section" id="apercu" aria-labelledby="apercu-titre">
        <h2 id="apercu-titre">Aperçu</h2>
        <Preview preview={props.preview} />
      </section>
    </ConsoleLayout>
  );
}

function Preview({ preview }: { preview: PreviewState | undefined }) {
  if (!preview)
    return <p class="pl-muted">Cliquez sur « Prévisualiser » pour voir les premiers contenus que Passerelle lira.</p>;
  if (preview.error !== undefined)
    return (
      <div class="pl-notice pl-notice--alert">
        <p class="pl-notice__title">{applyFrenchTypography(`La source n’a pas pu être lue : ${preview.error}`)}</p>
      </div>
    );
  return (
    <>
      <p>
        {applyFrenchTypography(
          `${preview.fetched} entrées lues, ${preview.rejected} rejetées. Les ${preview.items.length} premières :`,
        )}
      </p>
      <ol class="pl-preview">
        {preview.items.map((item) => (
          <li key={item.guid}>
            <a href={item.url}>{item.title}</a>
            {item.publishedAt && <span class="pl-muted"> — {formatDateTime(item.publishedAt)}</span>}
          </li>
        ))}
      </ol>
    </>
  );
}
