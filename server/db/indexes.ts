import { ApiToken, AuthToken, Password, Session, User } from '../auth/model.ts';
import { RateLimitCounter } from '../auth/rate-limit.ts';
import { Claim } from './claims.ts';
import { Listing } from '../listings/model.ts';
import { OutboxMessage } from '../notifications/model.ts';
import { Invitation, Organization } from '../orgs/model.ts';

/** Builds every model's indexes; run at start-up and by tests (autoIndex is off). */
export async function ensureIndexes(): Promise<void> {
  const models = [Organization, Invitation, User, Password, Session, AuthToken, ApiToken, Listing, OutboxMessage];
  for (const model of [...models, RateLimitCounter, Claim]) await model.createIndexes();
}
