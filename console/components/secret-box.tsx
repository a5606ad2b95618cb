/**
 * A secret shown once (a token, a password link): selectable text and a copy button that
 * the console's script reveals.
 */
export function SecretBox({ label, value, id = 'secret' }: { label: string; value: string; id?: string }) {
  return (
    <div class="pl-copy">
      <p class="pl-copy__label" id={`${id}-label`}>
        {label}
      </p>
      <pre class="pl-copy__code" aria-labelledby={`${id}-label`} tabindex={0}>
        <code id={id}>{value}</code>
      </pre>
      <button type="button" class="pl-button pl-button--secondary" data-copy={id} hidden>
        Copier
      </button>
    </div>
  );
}
