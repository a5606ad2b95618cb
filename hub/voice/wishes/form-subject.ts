/** The subject wish form tokens are signed for (comments and feedback sign the item id). */
export const WISH_FORM_SUBJECT = 'wishes';
