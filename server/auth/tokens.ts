import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe secret and the SHA-256 we store instead of it. */
export function newSecret(prefix = ''): { token: string; hash: string } {
  const token = prefix + randomBytes(32).toString('base64url');
  return { token, hash: hashSecret(token) };
}

export function hashSecret(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
