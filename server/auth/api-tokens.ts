import mongoose from 'mongoose';
import { forbidden, notFound, unauthorized } from '../errors.ts';
import { ApiToken } from './model.ts';
import { can, type Actor, type Credential } from './permissions.ts';
import { hashSecret, newSecret } from './tokens.ts';

// Personal API tokens: `Authorization: Bearer mix_…`. A token acts as its user,
// with exactly the user's permissions; only its SHA-256 is stored.

const TOKEN_PREFIX = 'mix_';

export interface ApiTokenDto {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

function requireAccount(actor: Actor): NonNullable<Actor> {
  if (!actor || !can(actor, { action: 'account:manage' })) throw unauthorized();
  return actor;
}

/** Creates a token; the secret is in the answer once and never again. Only a signed-in session may. */
export async function createApiToken(
  actor: Actor,
  { name }: { name: string },
  credential: Credential,
): Promise<{ token: string; apiToken: ApiTokenDto }> {
  const { userId } = requireAccount(actor);
  if (!can(actor, { action: 'token:create', credential })) throw forbidden('errors.tokenCannotMintToken');
  const { token, hash } = newSecret(TOKEN_PREFIX);
  const [doc] = await ApiToken.insertMany([{ user: userId, name, tokenHash: hash, prefix: token.slice(0, 10) }]);
  return { token, apiToken: toDto(doc!) };
}

export async function listApiTokens(actor: Actor): Promise<ApiTokenDto[]> {
  const { userId } = requireAccount(actor);
  const tokens = await ApiToken.find({ user: userId, revokedAt: null }).sort({ createdAt: -1 }).lean();
  return tokens.map(toDto);
}

/** Revokes one of the actor's own tokens; someone else's is "not found". */
export async function revokeApiToken(actor: Actor, id: string): Promise<void> {
  const { userId } = requireAccount(actor);
  if (!mongoose.isValidObjectId(id)) throw notFound('token');
  const { modifiedCount } = await ApiToken.updateOne(
    { _id: id, user: userId, revokedAt: null },
    { $set: { revokedAt: new Date() } },
  );
  if (modifiedCount === 0) throw notFound('token');
}

/** The user a bearer token belongs to, or null for an unknown or revoked token. */
export async function userIdForApiToken(token: string): Promise<string | null> {
  if (!token.startsWith(TOKEN_PREFIX)) return null;
  const found = await ApiToken.findOneAndUpdate(
    { tokenHash: hashSecret(token), revokedAt: null },
    { $set: { lastUsedAt: new Date() } },
  ).lean();
  return found ? String(found.user) : null;
}

function toDto(t: {
  _id: unknown;
  name: string;
  prefix: string;
  createdAt?: Date;
  lastUsedAt?: Date | null;
}): ApiTokenDto {
  return {
    id: String(t._id),
    name: t.name,
    prefix: t.prefix,
    createdAt: (t.createdAt ?? new Date()).toISOString(),
    lastUsedAt: t.lastUsedAt ? t.lastUsedAt.toISOString() : null,
  };
}
