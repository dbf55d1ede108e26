import { Password, User } from '../auth/model.ts';
import { Listing } from '../listings/model.ts';
import { Organization } from '../orgs/model.ts';

/** Builds every model's indexes; run at start-up and by tests (autoIndex is off). */
export async function ensureIndexes(): Promise<void> {
  for (const model of [Organization, User, Password, Listing]) await model.createIndexes();
}
