/** A one-line text input with its label, hint and error; keeps the value typed. */
import { applyFrenchTypography } from '../../locale/index.js';
import { describeField, FieldError, FieldHint, fieldClass, type FieldProps } from './field-parts.js';

export interface TextFieldProps extends FieldProps {
  value?: string;
  type?: 'text' | 'email' | 'search' | 'url' | 'tel' | 'password' | 'number';
  autocomplete?: string;
  required?: boolean;
  /** Width in characters for short answers (codes, dates); default: the whole column. */
  width?: 5 | 10 | 20;
  inputMode?: 'text' | 'numeric' | 'email' | 'url' | 'tel' | 'search';
  spellcheck?: boolean;
}

export function TextField(props: TextFieldProps) {
  const id = props.id ?? props.name;
  return (
    <div class={fieldClass(props.error)}>
      <label class="pl-label" for={id}>
        {applyFrenchTypography(props.label)}
      </label>
      <FieldHint id={id} hint={props.hint} />
      <FieldError id={id} error={props.error} />
      <input
        class={props.width ? `pl-input pl-input--width-${props.width}` : 'pl-input'}
        id={id}
        name={props.name}
        // preact 11 types each input type apart; every type listed in TextFieldProps takes these attributes.
        type={(props.type ?? 'text') as 'text'}
        value={props.value ?? ''}
        autocomplete={props.autocomplete}
        required={props.required}
        inputMode={props.inputMode}
        spellcheck={props.spellcheck}
        aria-describedby={describeField(id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      />
    </div>
  );
}
