/**
 * The list of what is wrong with a form, at the top of the page that shows it again: each
 * entry links to its field. Pages that show it also start their title with « Erreur : ».
 */
import { applyFrenchTypography } from '../../locale/index.js';

export interface FieldErrorEntry {
  /** The id of the field at fault (the link target). */
  field: string;
  message: string;
}

export interface ErrorSummaryProps {
  errors: FieldErrorEntry[];
  /** Default « Le formulaire contient des erreurs ». */
  title?: string;
}

/** Nothing when there is no error. */
export function ErrorSummary({ errors, title = 'Le formulaire contient des erreurs' }: ErrorSummaryProps) {
  if (!errors.length) return null;
  return (
    <div class="pl-error-summary" role="alert" aria-labelledby="pl-error-summary-title" tabindex={-1}>
      <h2 class="pl-error-summary__title" id="pl-error-summary-title">
        {applyFrenchTypography(title)}
      </h2>
      <ul class="pl-error-summary__list">
        {errors.map((e) => (
          <li key={e.field}>
            <a href={`#${e.field}`}>{applyFrenchTypography(e.message)}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
