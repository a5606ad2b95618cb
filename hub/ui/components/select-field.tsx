/** A drop-down list with its label, hint and error; keeps the choice made. */
import { applyFrenchTypography } from '../../locale/index.js';
import { describeControl, LabelledField, type FieldProps } from './field-parts.js';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

export interface SelectFieldProps extends FieldProps {
  options: Choice[];
  value?: string;
  /** A first empty option, e.g. « Choisir une commune ». */
  placeholder?: string;
  required?: boolean;
}

export function SelectField(props: SelectFieldProps) {
  const id = props.id ?? props.name;
  return (
    <LabelledField id={id} label={props.label} hint={props.hint} error={props.error}>
      <select
        class="pl-select"
        id={id}
        name={props.name}
        required={props.required}
        {...describeControl(id, props.hint, props.error)}
      >
        {props.placeholder !== undefined && <option value="">{applyFrenchTypography(props.placeholder)}</option>}
        {props.options.map((o) => (
          <option key={o.value} value={o.value} selected={o.value === props.value}>
            {applyFrenchTypography(o.label)}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}
