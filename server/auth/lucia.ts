import { Lucia, TimeSpan, type Adapter, type DatabaseSession, type DatabaseUser } from 'lucia';
import mongoose from 'mongoose';
import { config } from '../config.ts';
import { Session, User } from './model.ts';

// Lucia v3 on our own mongoose adapter. The published MongoDB adapter joins
// sessions to users with $lookup, which FerretDB 1.24 lacks (portable Mongo
// rule), and pins an older driver; two finds do the same here.

const toObjectId = (id: string) => (mongoose.isValidObjectId(id) ? new mongoose.Types.ObjectId(id) : null);

function toDatabaseSession(s: { _id: string; user: mongoose.Types.ObjectId; expiresAt: Date }): DatabaseSession {
  return { id: s._id, userId: String(s.user), expiresAt: s.expiresAt, attributes: {} };
}

export const sessionAdapter: Adapter = {
  async getSessionAndUser(sessionId): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const session = await Session.findById(sessionId).lean();
    if (!session) return [null, null];
    const user = await User.findById(session.user, { _id: 1 }).lean();
    if (!user) return [null, null];
    return [toDatabaseSession(session), { id: String(user._id), attributes: {} }];
  },
  async getUserSessions(userId) {
    const user = toObjectId(userId);
    return user ? (await Session.find({ user }).lean()).map(toDatabaseSession) : [];
  },
  async setSession(session) {
    await Session.create({
      _id: session.id,
      user: new mongoose.Types.ObjectId(session.userId),
      expiresAt: session.expiresAt,
    });
  },
  async updateSessionExpiration(sessionId, expiresAt) {
    await Session.updateOne({ _id: sessionId }, { $set: { expiresAt } });
  },
  async deleteSession(sessionId) {
    await Session.deleteOne({ _id: sessionId });
  },
  async deleteUserSessions(userId) {
    const user = toObjectId(userId);
    if (user) await Session.deleteMany({ user });
  },
  async deleteExpiredSessions() {
    await Session.deleteMany({ expiresAt: { $lte: new Date() } });
  },
};

let instance: Lucia | undefined;

/** Sessions last 30 days and are extended when used in their second half (Lucia's "fresh" sessions). */
export function lucia(): Lucia {
  instance ??= new Lucia(sessionAdapter, {
    sessionExpiresIn: new TimeSpan(30, 'd'),
    sessionCookie: {
      name: 'medip_session',
      expires: true,
      attributes: { secure: config().PUBLIC_URL.startsWith('https://'), sameSite: 'lax', path: '/' },
    },
  });
  return instance;
}
