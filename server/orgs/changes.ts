import { createChangeFeed } from '../shared/change-feed.ts';

const feed = createChangeFeed('organization');
export const onOrganizationChanged = feed.subscribe;
export const organizationChanged = feed.publish;
