/** A multi-line text area with its label, hint and error; keeps the text typed. */
import { applyFrenchTypography } from '../../locale/index.js';
import { describeField, FieldError, FieldHint, fieldClass, type FieldProps } from './field-parts.js';

export interface TextareaFieldProps extends FieldProps {
  value?: string;
  rows?: number;
  required?: boolean;
  maxLength?: number;
}

export function TextareaField(props: TextareaFieldProps) {
  const id = props.id ?? props.name;
  return (
    <div class={fieldClass(props.error)}>
      <label class="pl-label" for={id}>
        {applyFrenchTypography(props.label)}
      </label>
      <FieldHint id={id} hint={props.hint} />
      <FieldError id={id} error={props.error} />
      <textarea
        class="pl-textarea"
        id={id}
        name={props.name}
        rows={props.rows ?? 5}
        required={props.required}
        maxLength={props.maxLength}
        aria-describedby={describeField(id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        {props.value ?? ''}
      </textarea>
    </div>
  );
}
