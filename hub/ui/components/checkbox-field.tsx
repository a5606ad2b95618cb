/** One checkbox with its label, hint and error; keeps its state. */
import { applyFrenchTypography } from '../../locale/index.js';
import { describeControl, FieldError, FieldHint, fieldClass, type FieldProps } from './field-parts.js';

export interface CheckboxFieldProps extends FieldProps {
  checked?: boolean;
  /** The value sent when checked (default "on", as browsers do). */
  value?: string;
}

export function CheckboxField(props: CheckboxFieldProps) {
  const id = props.id ?? props.name;
  return (
    <div class={fieldClass(props.error)}>
      <FieldError id={id} error={props.error} />
      <div class="pl-choice">
        <input
          class="pl-choice__input"
          type="checkbox"
          id={id}
          name={props.name}
          value={props.value ?? 'on'}
          checked={props.checked}
          {...describeControl(id, props.hint, props.error)}
        />
        <label class="pl-choice__label" for={id}>
          {applyFrenchTypography(props.label)}
        </label>
        <FieldHint id={id} hint={props.hint} />
      </div>
    </div>
  );
}
