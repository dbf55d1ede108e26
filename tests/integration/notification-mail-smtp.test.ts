import { connect } from 'node:net';
import { afterAll, expect, test, vi } from 'vitest';
import { User } from '../../server/auth/index.ts';
import { config } from '../../server/config.ts';
import { notifyOrganization, OutboxMessage, QueuedMail, sendQueuedMails } from '../../server/notifications/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';

// A real failure: SMTP at a local port where nothing listens (set before the
// configuration is first read, which is once per process).
const SMTP_URL = vi.hoisted(() => (process.env.SMTP_URL = 'smtp://127.0.0.1:1'));

useTestDatabase();
// A worker process may run other files next: they must find SMTP_URL unset.
afterAll(() => {
  delete process.env.SMTP_URL;
});

const MINUTE = 60_000;

const refused = () =>
  new Promise<string>((resolve) => {
    const socket = connect(1, '127.0.0.1');
    socket.on('connect', () => (socket.destroy(), resolve('open')));
    socket.on('error', (err: NodeJS.ErrnoException) => resolve(err.code ?? 'error'));
  });

test('a mail that cannot be sent is tried again after 1, 5, 30 and 120 minutes, then given up', async () => {
  expect(config().SMTP_URL).toBe(SMTP_URL);
  expect(await refused()).toBe('ECONNREFUSED');
  const owner = await createAccount({ verified: true });
  await User.updateOne({ _id: owner.userId }, { $set: { emailVerifiedAt: new Date() } });
  await notifyOrganization(owner.organizationId, {
    type: 'deal.paid',
    params: { listingTitle_zh: '导管', listingTitle_en: 'Catheter' },
    link: '/deals/0123456789abcdef01234567',
  });
  const queued = () => QueuedMail.findOne({ to: owner.email }).lean();
  const t0 = Date.now();
  const at = (minutes: number) => new Date(t0 + minutes * MINUTE);

  expect(await sendQueuedMails(at(0))).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
  expect(await queued()).toMatchObject({ attempts: 1, due: at(1), lastError: expect.stringMatching(/ECONNREFUSED/) });
  expect(await sendQueuedMails(at(0.9))).toEqual({ sent: 0, failed: 0, gaveUp: 0 });

  expect(await sendQueuedMails(at(1))).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
  expect(await queued()).toMatchObject({ attempts: 2, due: at(6) });
  expect(await sendQueuedMails(at(6))).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
  expect(await queued()).toMatchObject({ attempts: 3, due: at(36) });
  expect(await sendQueuedMails(at(36))).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
  expect(await queued()).toMatchObject({ attempts: 4, due: at(156) });

  expect(await sendQueuedMails(at(156))).toEqual({ sent: 0, failed: 0, gaveUp: 1 });
  expect(await queued()).toBeNull();
  expect(await OutboxMessage.countDocuments({ to: owner.email, subject: /Catheter/ })).toBe(0);
});
