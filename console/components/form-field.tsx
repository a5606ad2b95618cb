/**
 * What every console form repeats around the kit's fields: each field bound to the value
 * typed and the message refused by its name alone, and the error summary's entries. The kit's
 * fields still tie label, hint and error (`for`, `aria-describedby`, `aria-invalid`).
 */
import type { FieldErrorEntry } from '../../hub/ui/index.js';

/** Field name → French message of a refused form. */
export type FieldErrors = Record<string, string>;

/** The names of the values a text, select or radios field shows. */
type TextKeys<V> = { [K in keyof V]-?: V[K] extends string | undefined ? K : never }[keyof V] & string;

/**
 * `field('name')` gives `{ name, value, error }` to spread into a `TextField`,
 * `TextareaField`, `SelectField` or `RadiosField`: `<TextField {...field('city')} label="Commune" />`.
 */
export function bindFields<V extends object>(values: V, errors: FieldErrors = {}) {
  return <K extends TextKeys<V>>(name: K) => ({
    name,
    value: values[name] as string | undefined,
    error: errors[name],
  });
}

/** The error summary's entries: in the form's order when given (other names left out), else as refused. */
export function errorEntries(errors: FieldErrors = {}, order?: readonly string[]): FieldErrorEntry[] {
  if (!order) return Object.entries(errors).map(([field, message]) => ({ field, message }));
  return order.filter((field) => errors[field]).map((field) => ({ field, message: errors[field] ?? '' }));
}
