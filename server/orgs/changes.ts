import { logger } from '../logger.ts';

// Other modules keep copies of an organization's public fields (the search index
// holds its name, kind and verification on each listing). They subscribe here
// instead of the orgs module importing them: dependencies point one way.

type Listener = (organizationId: string) => Promise<void>;
const listeners: Listener[] = [];

export function onOrganizationChanged(listener: Listener): void {
  listeners.push(listener);
}

/** Tells every subscriber, before the change's response goes out; a failing copy is logged, not fatal. */
export async function organizationChanged(organizationId: string): Promise<void> {
  const results = await Promise.allSettled(listeners.map((listener) => listener(organizationId)));
  for (const result of results) {
    if (result.status === 'rejected')
      logger.error({ err: result.reason, organizationId }, 'organization copy not updated');
  }
}
