import { Schema, model } from 'mongoose';

/**
 * One failed (or ongoing) sign-in attempt against a key: an account (its e-mail) or an
 * address (keyed hash). Inserts, never counters: FerretDB 1.24 loses concurrent $inc.
 */
export interface SignInFailureDoc {
  _id: string;
  k: string;
  at: Date;
}

/** An OpenID Connect sign-in in progress: what the callback must check. */
export interface OidcFlowDoc {
  /** The state sent to the provider. */
  _id: string;
  nonce: string;
  verifier: string;
  createdAt: Date;
  expiresAt: Date;
}

const failures = new Schema<SignInFailureDoc>(
  { _id: { type: String, required: true }, k: { type: String, required: true }, at: { type: Date, required: true } },
  { versionKey: false },
);
failures.index({ k: 1, at: -1 });
failures.index({ at: 1 });

const flows = new Schema<OidcFlowDoc>(
  {
    _id: { type: String, required: true },
    nonce: { type: String, required: true },
    verifier: { type: String, required: true },
    createdAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
flows.index({ expiresAt: 1 });

export const SignInFailureModel = model<SignInFailureDoc>('SignInFailure', failures, 'signin_failures');
export const OidcFlowModel = model<OidcFlowDoc>('OidcFlow', flows, 'oidc_flows');
