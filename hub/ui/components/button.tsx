/** A button, or a link that looks like one (an action that navigates). */
import type { ComponentChildren } from 'preact';

export interface ButtonProps {
  children: ComponentChildren;
  /** Default: primary. */
  variant?: 'primary' | 'secondary';
  /** A link styled as a button when given. */
  href?: string;
  /** Default submit. */
  type?: 'submit' | 'button' | 'reset';
  name?: string;
  value?: string;
}

export function Button({ children, variant = 'primary', href, type = 'submit', name, value }: ButtonProps) {
  const className = `pl-button pl-button--${variant}`;
  if (href !== undefined)
    return (
      <a class={className} href={href}>
        {children}
      </a>
    );
  return (
    <button class={className} type={type} name={name} value={value}>
      {children}
    </button>
  );
}
