/** The wish form's token scope: purpose `wish`, about nothing in particular yet (subject `new`). */
export const WISH_FORM = { purpose: 'wish', subject: 'new' } as const;
