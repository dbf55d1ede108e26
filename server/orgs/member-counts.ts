import { Organization } from './model.ts';

// The home page's member figures. Counting scans the organizations on FerretDB,
// so a job refreshes them (start-up, then every few minutes) and pages read
// the last figures: no page that lists listings queries the database.

export interface MemberCounts {
  organizations: number;
  institutes: number;
}

let latest: MemberCounts | undefined;

export async function refreshMemberCounts(): Promise<MemberCounts> {
  const [organizations, institutes] = await Promise.all([
    Organization.countDocuments({ kind: { $ne: 'operator' } }),
    Organization.countDocuments({ kind: { $in: ['basic_institute', 'engineering_institute', 'hospital'] } }),
  ]);
  latest = { organizations, institutes };
  return latest;
}

/** The last figures; counted now only if nothing has counted them yet in this process. */
export async function memberCounts(): Promise<MemberCounts> {
  return latest ?? refreshMemberCounts();
}
