/** What every form field shares: its label, hint and error message, and how they are tied to the control. */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography } from '../../locale/index.js';

export interface FieldProps {
  /** The control's name in the form. */
  name: string;
  /** The control's id, the target of the error summary's link (default: the name). */
  id?: string;
  label: string;
  hint?: string;
  /** The French message shown next to the field when its value was refused. */
  error?: string;
}

/** The attributes that tie a control to its hint and error, and mark it refused. */
export function describeControl(id: string, hint?: string, error?: string) {
  return {
    'aria-describedby': describeField(id, hint, error),
    'aria-invalid': error ? ('true' as const) : undefined,
  };
}

/** A one-control field: its wrapper, label, hint and error, then the control (the child). */
export function LabelledField(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  children: ComponentChildren;
}) {
  return (
    <div class={fieldClass(props.error)}>
      <label class="pl-label" for={props.id}>
        {applyFrenchTypography(props.label)}
      </label>
      <FieldHint id={props.id} hint={props.hint} />
      <FieldError id={props.id} error={props.error} />
      {props.children}
    </div>
  );
}

/** The ids of the hint and error, for aria-describedby (undefined when neither is shown). */
export function describeField(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldHint({ id, hint }: { id: string; hint?: string }) {
  return hint ? (
    <p class="pl-hint" id={`${id}-hint`}>
      {applyFrenchTypography(hint)}
    </p>
  ) : null;
}

/** The message next to a refused field, prefixed for screen readers (not colour alone). */
export function FieldError({ id, error }: { id: string; error?: string }) {
  return error ? (
    <p class="pl-field-error" id={`${id}-error`}>
      <span class="pl-visually-hidden">{applyFrenchTypography('Erreur : ')}</span>
      {applyFrenchTypography(error)}
    </p>
  ) : null;
}

/** The class of a field's wrapper, marked when in error. */
export function fieldClass(error?: string): string {
  return error ? 'pl-field pl-field--error' : 'pl-field';
}
