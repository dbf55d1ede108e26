import Stripe from 'stripe';
import { conflict } from '../../errors.ts';
import { logger } from '../../logger.ts';

/**
 * A call to Stripe on a person's behalf: Stripe's own failures (a refusal, an
 * outage, a bad key) become a message on the page naming what to do instead;
 * anything else is our bug and stays a 500.
 */
export async function askStripe<T>(
  request: () => Promise<T>,
  messages: { refused: string; unavailable: string },
): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeError)) throw error;
    logger.warn({ err: error }, 'Stripe refused or failed a request');
    throw conflict(error instanceof Stripe.errors.StripeInvalidRequestError ? messages.refused : messages.unavailable);
  }
}
