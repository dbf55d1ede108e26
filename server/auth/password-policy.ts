import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MIN_LENGTH } from './schemas.ts';

// The ~49,000 most common passwords (zxcvbn's list), lower-cased.
const COMMON = new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));

/** The policy's verdict as a locale key, or null when the password is acceptable. */
export function passwordProblem(password: string, { email }: { email?: string } = {}): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'validation.passwordLength';
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'validation.passwordCommon';
  const local = email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'validation.passwordContainsEmail';
  return null;
}
