import mongoose, { Schema } from 'mongoose';

// In-app notifications live in one "box" per user (`_id` = the user's id), so
// the header's unread count and the /notifications page are one `_id` read each
// (the only look-up FerretDB 1.24 answers from an index). A box keeps the
// newest BOX_SIZE notifications; older ones drop off.
//
// Measured on FerretDB 1.24: `$push` ignores `$position` and `$slice`, and the
// positional `$` operator is refused. So a box is rewritten whole by a write
// guarded by its `version` (db/versioned-write.ts), atomic on both databases.

export const BOX_SIZE = 50;

const notificationSchema = new Schema(
  {
    id: { type: String, required: true },
    type: { type: String, required: true },
    // Small strings for the message's interpolation (see inbox.ts on `_zh`/`_en`).
    params: { type: Schema.Types.Mixed, required: true, default: () => ({}) },
    link: { type: String, required: true },
    at: { type: Date, required: true },
    read: { type: Boolean, required: true, default: false },
  },
  { _id: false },
);

const notificationBoxSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** Newest first, at most BOX_SIZE. */
    items: { type: [notificationSchema], default: [] },
    /** How many of `items` are unread: the header's bell reads only this. */
    unread: { type: Number, required: true, default: 0 },
    /** Guards every rewrite of the box. */
    version: { type: Number, required: true, default: 0 },
  },
  { versionKey: false, minimize: false },
);

/** One notification as stored (lean reads return it so). */
export interface StoredNotification {
  id: string;
  type: string;
  params: Record<string, string>;
  link: string;
  at: Date;
  read: boolean;
}

export interface NotificationBoxDoc {
  _id: string;
  items: StoredNotification[];
  unread: number;
  version: number;
}

export const NotificationBox = mongoose.model('NotificationBox', notificationBoxSchema);
