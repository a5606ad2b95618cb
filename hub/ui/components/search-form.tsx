/** A search box that works without JavaScript: a GET form to the results page. */
import { applyFrenchTypography } from '../../locale/index.js';
import { describeControl, FieldError, FieldHint } from './field-parts.js';

export interface SearchFormProps {
  /** The results page. */
  action: string;
  label: string;
  /** The query shown again. */
  value?: string;
  /** Default q. */
  name?: string;
  hint?: string;
  /** Default « Rechercher ». */
  buttonLabel?: string;
  /** Id of the input (default: the name). */
  id?: string;
  /** Hidden fields kept with the query (filters). */
  hidden?: Record<string, string>;
  error?: string;
}

export function SearchForm(props: SearchFormProps) {
  const name = props.name ?? 'q';
  const id = props.id ?? name;
  return (
    <form class="pl-search" role="search" method="get" action={props.action}>
      <label class="pl-label pl-search__label" for={id}>
        {applyFrenchTypography(props.label)}
      </label>
      <FieldHint id={id} hint={props.hint} />
      <FieldError id={id} error={props.error} />
      <div class="pl-search__row">
        <input
          class="pl-input pl-search__input"
          type="search"
          id={id}
          name={name}
          value={props.value ?? ''}
          autocomplete="off"
          enterkeyhint="search"
          {...describeControl(id, props.hint, props.error)}
        />
        {Object.entries(props.hidden ?? {}).map(([key, value]) => (
          <input type="hidden" name={key} value={value} key={key} />
        ))}
        <button class="pl-button pl-button--primary pl-search__button" type="submit">
          {props.buttonLabel ?? 'Rechercher'}
        </button>
      </div>
    </form>
  );
}
