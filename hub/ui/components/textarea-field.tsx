/** A multi-line text area with its label, hint and error; keeps the text typed. */
import { describeControl, LabelledField, type FieldProps } from './field-parts.js';

export interface TextareaFieldProps extends FieldProps {
  value?: string;
  rows?: number;
  required?: boolean;
  maxLength?: number;
}

export function TextareaField(props: TextareaFieldProps) {
  const id = props.id ?? props.name;
  return (
    <LabelledField id={id} label={props.label} hint={props.hint} error={props.error}>
      <textarea
        class="pl-textarea"
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        maxLength={props.maxLength}
        {...describeControl(id, props.hint, props.error)}
      >
        {props.value ?? ''}
      </textarea>
    </LabelledField>
  );
}
