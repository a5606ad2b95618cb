/** A message in a box: information, success or alert — its kind said in words, not only colour. */
import type { ComponentChildren } from 'preact';
import { applyFrenchTypography } from '../../locale/index.js';

export interface NoticeProps {
  /** Default info. */
  kind?: 'info' | 'success' | 'alert';
  title?: string;
  children?: ComponentChildren;
  /** role="status" for a notice that reports what the visitor just did. */
  status?: boolean;
}

const KIND_LABELS = { info: 'Information', success: 'Succès', alert: 'Attention' } as const;

export function Notice({ kind = 'info', title, children, status }: NoticeProps) {
  return (
    <div class={`pl-notice pl-notice--${kind}`} role={status ? 'status' : undefined}>
      <p class="pl-notice__title">
        <span class="pl-notice__kind">{KIND_LABELS[kind]}</span>
        {title && <span> — {applyFrenchTypography(title)}</span>}
      </p>
      {children && <div class="pl-notice__body">{children}</div>}
    </div>
  );
}
