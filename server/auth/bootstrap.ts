import { insertOnce } from '../db/insert-once.ts';
import { logger } from '../logger.ts';
import { addOrganizationMember, Organization } from '../orgs/index.ts';
import { normalizeEmail, Password, User } from './model.ts';
import { hashPassword } from './password.ts';

export const OPERATOR_ORG_SLUG = 'alliance-office';

/** The alliance office, which every platform operator belongs to. */
export async function ensureOperatorOrganization() {
  const { doc } = await insertOnce(
    Organization,
    { slug: OPERATOR_ORG_SLUG },
    {
      slug: OPERATOR_ORG_SLUG,
      kind: 'operator',
      name: { zh: '医疗器械创新联盟秘书处', en: 'Medical Device Innovation Alliance Office' },
      region: { country: 'CN', province: '江苏', city: '苏州' },
      verified: true,
      verification: { status: 'verified', decidedAt: new Date() },
    },
  );
  return doc;
}

/**
 * Creates the operator named by OPERATOR_EMAIL/OPERATOR_PASSWORD unless that
 * e-mail is registered already. Each step is idempotent (an insert under a
 * unique key, or an addition to a set), so a start-up interrupted half-way
 * finishes on the next one.
 */
export async function bootstrapOperator(email: string, password: string): Promise<{ created: boolean }> {
  const org = await ensureOperatorOrganization();
  const emailNormalized = normalizeEmail(email);
  const existing = await User.findOne({ emailNormalized }).lean();
  if (existing && (await Password.exists({ user: existing._id }))) return { created: false };

  const { doc: user, created } = await insertOnce(
    User,
    { emailNormalized },
    {
      email: email.trim(),
      emailNormalized,
      name: 'Operator',
      locale: 'zh-CN',
      emailVerifiedAt: new Date(),
      memberships: [{ organization: org._id, role: 'owner' }],
    },
  );
  await insertOnce(Password, { user: user._id }, { user: user._id, hash: await hashPassword(password) });
  // The stored user's memberships: an account already registered under this e-mail keeps its own.
  for (const { organization } of user.memberships) await addOrganizationMember(organization, user._id);
  if (created) logger.info({ email: emailNormalized }, 'operator account created');
  return { created };
}
