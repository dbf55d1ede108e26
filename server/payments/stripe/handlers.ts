import type Stripe from 'stripe';

/** What a module does with the verified Stripe events it cares about (each must be safe to run twice). */
export type StripeEventHandler = (event: Stripe.Event) => Promise<void>;
export type StripeEventHandlers = Partial<Record<Stripe.Event.Type, StripeEventHandler>>;

/**
 * Thrown by a handler when the event cannot be applied yet (it names an object
 * whose own event has not arrived): the claim is released and Stripe is asked
 * to deliver it again later.
 */
export class RetryLater extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'RetryLater';
  }
}
