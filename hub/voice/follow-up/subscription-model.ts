import { Schema, model } from 'mongoose';

/**
 * An address that asked to follow a wish. `pending` until its owner clicks the
 * confirmation link (double opt-in); erased on unsubscribe, when unconfirmed after 7 days,
 * or 90 days after the wish is closed. Never shown, never exported with the wish.
 */
export interface SubscriptionDoc {
  _id: string;
  wishId: string;
  email: string;
  status: 'pending' | 'confirmed';
  /** sha256 of the visitor key that gave the address (export and erasure). */
  visitor?: string;
  createdAt: Date;
  confirmedAt?: Date;
}

const schema = new Schema<SubscriptionDoc>(
  {
    _id: String,
    wishId: { type: String, required: true },
    email: { type: String, required: true },
    status: { type: String, required: true },
    visitor: String,
    createdAt: { type: Date, required: true },
    confirmedAt: Date,
  },
  { versionKey: false },
);
schema.index({ wishId: 1 });
schema.index({ visitor: 1 });

export const SubscriptionModel = model<SubscriptionDoc>('WishSubscription', schema, 'wish_subscriptions');
