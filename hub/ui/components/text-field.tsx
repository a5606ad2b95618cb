/** A one-line text input with its label, hint and error; keeps the value typed. */
import { describeControl, LabelledField, type FieldProps } from './field-parts.js';

export interface TextFieldProps extends FieldProps {
  value?: string;
  type?: 'text' | 'email' | 'search' | 'url' | 'tel' | 'password' | 'number' | 'date';
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
    <LabelledField id={id} label={props.label} hint={props.hint} error={props.error}>
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
        {...describeControl(id, props.hint, props.error)}
      />
    </LabelledField>
  );
}
