import type Stripe from 'stripe';
import { connectEventHandlers } from '../connect/events.ts';
import { dealPaymentEventHandlers } from '../deal-events.ts';
import { membershipEventHandlers } from '../membership/events.ts';
import type { StripeEventHandler, StripeEventHandlers } from './handlers.ts';

// Which module acts on which Stripe event. A Checkout Session's events go by its
// mode: one-off payments are deals', subscriptions the membership's.

const sessionModes: Record<Stripe.Checkout.Session.Mode, StripeEventHandlers> = {
  payment: dealPaymentEventHandlers,
  subscription: membershipEventHandlers,
  setup: {},
};

const byType: StripeEventHandlers = {
  ...connectEventHandlers,
  ...membershipEventHandlers,
  ...dealPaymentEventHandlers,
};

export function handlerFor(event: Stripe.Event): StripeEventHandler | undefined {
  if (event.type.startsWith('checkout.session.')) {
    const session = event.data.object as Stripe.Checkout.Session;
    return sessionModes[session.mode]?.[event.type];
  }
  return byType[event.type];
}
