/** A console form that posts: the kit's form class, the browser's checks left to the server, the CSRF field. */
import type { ComponentChildren } from 'preact';
import { CsrfField } from './csrf-field.js';

export interface PostFormProps {
  action: string;
  csrf: string;
  /** Where the console's script posts the form for a live preview (the source form). */
  'data-preview'?: string;
  children: ComponentChildren;
}

export function PostForm({ action, csrf, children, ...rest }: PostFormProps) {
  return (
    <form method="post" action={action} class="pl-form" {...rest} novalidate>
      <CsrfField token={csrf} />
      {children}
    </form>
  );
}
