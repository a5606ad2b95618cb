/** The threads of one section: comments, replies, resolved state, and the forms. */
import { applyFrenchTypography, Button, formatDateTime, Tag, TextareaField } from '../../hub/ui/index.js';
import type { CommentThreadView } from './lab-thread-types.js';
import { CsrfField } from './csrf-field.js';

export interface SectionCommentsProps {
  action: string;
  section: { slug: string; title: string };
  threads: CommentThreadView[];
  csrf?: string;
  /** Whether the viewer may resolve threads. */
  canResolve: boolean;
}

function Comment({ c }: { c: CommentThreadView | CommentThreadView['replies'][number] }) {
  return (
    <>
      <p class="pl-lab-comment__meta">
        <strong>{c.author.name}</strong>
        {' — '}
        <time dateTime={c.createdAt}>{formatDateTime(c.createdAt)}</time>
      </p>
      <p class="pl-lab-comment__body">{c.body}</p>
    </>
  );
}

export function SectionComments({ action, section, threads, csrf, canResolve }: SectionCommentsProps) {
  const formId = `commenter-${section.slug}`;
  return (
    <div class="pl-lab-comments">
      {threads.length > 0 && (
        <ol class="pl-lab-comments__list" aria-label={`Discussions sur « ${section.title} »`}>
          {threads.map((t) => (
            <li key={t.id} class="pl-lab-comment" id={`commentaire-${t.id}`}>
              <Comment c={t} />
              {t.resolved && <Tag tone="success">Résolu</Tag>}
              {t.replies.length > 0 && (
                <ol class="pl-lab-comments__replies" aria-label="Réponses">
                  {t.replies.map((r) => (
                    <li key={r.id} class="pl-lab-comment">
                      <Comment c={r} />
                    </li>
                  ))}
                </ol>
              )}
              {csrf && (
                <details class="pl-lab-comment__reply">
                  <summary>Répondre</summary>
                  <form method="post" action={action} class="pl-form">
                    <CsrfField token={csrf} />
                    <input type="hidden" name="parentId" value={t.id} />
                    <TextareaField name="body" id={`reponse-${t.id}`} label="Votre réponse" rows={3} />
                    <Button variant="secondary">Répondre</Button>
                  </form>
                </details>
              )}
              {csrf && canResolve && (
                <form method="post" action={`${action}/${t.id}/resolution`}>
                  <CsrfField token={csrf} />
                  <input type="hidden" name="resolved" value={t.resolved ? 'non' : 'oui'} />
                  <button type="submit" class="pl-link-button">
                    {t.resolved ? 'Rouvrir la discussion' : 'Marquer comme résolue'}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      )}
      {csrf !== undefined && (
        <details class="pl-lab-comments__new">
          <summary>{applyFrenchTypography(`Commenter « ${section.title} »`)}</summary>
          <form method="post" action={action} class="pl-form">
            <CsrfField token={csrf} />
            <input type="hidden" name="section" value={section.slug} />
            <TextareaField name="body" id={formId} label="Votre commentaire" rows={3} />
            <Button variant="secondary">Commenter</Button>
          </form>
        </details>
      )}
    </div>
  );
}
