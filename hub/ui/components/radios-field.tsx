/**
 * A group of radio buttons in a fieldset whose legend asks the question; keeps the choice
 * made. The first radio's id is the group's id, the target of the error summary's link.
 */
import { applyFrenchTypography } from '../../locale/index.js';
import { describeField, FieldError, FieldHint, fieldClass, type FieldProps } from './field-parts.js';
import type { Choice } from './select-field.js';

export interface RadiosFieldProps extends FieldProps {
  options: Choice[];
  value?: string;
  /** Side by side for two or three short choices (oui / non). */
  inline?: boolean;
}

export function RadiosField(props: RadiosFieldProps) {
  const id = props.id ?? props.name;
  return (
    <div class={fieldClass(props.error)}>
      <fieldset class="pl-fieldset" aria-describedby={describeField(id, props.hint, props.error)}>
        <legend class="pl-legend">{applyFrenchTypography(props.label)}</legend>
        <FieldHint id={id} hint={props.hint} />
        <FieldError id={id} error={props.error} />
        <div class={props.inline ? 'pl-choices pl-choices--inline' : 'pl-choices'}>
          {props.options.map((option, i) => {
            const optionId = i === 0 ? id : `${id}-${i + 1}`;
            return (
              <div class="pl-choice" key={option.value}>
                <input
                  class="pl-choice__input"
                  type="radio"
                  id={optionId}
                  name={props.name}
                  value={option.value}
                  checked={option.value === props.value}
                  aria-describedby={option.hint ? `${optionId}-hint` : undefined}
                />
                <label class="pl-choice__label" for={optionId}>
                  {applyFrenchTypography(option.label)}
                </label>
                <FieldHint id={optionId} hint={option.hint} />
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
