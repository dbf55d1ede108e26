import { expect, test } from 'vitest';
import { loadAuthenticatedUser, signup, User } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { config } from '../../server/config.ts';
import {
  listNotifications,
  notifyOrganization,
  notifyUsers,
  OutboxMessage,
  QueuedMail,
  sendQueuedMails,
} from '../../server/notifications/index.ts';
import { notificationMail } from '../../server/notifications/text.ts';
import { makeOffer } from '../../server/offers/index.ts';
import { createInvitation } from '../../server/orgs/index.ts';
import { createAccount, PASSWORD, uniqueEmail } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';

// Mail goes to the outbox here (SMTP_URL is unset in tests): what sendMail wrote is what was sent.

useTestDatabase();

const MINUTE = 60_000;
let lastOctet = 0;

const actorOf = async (userId: string) => (await loadAuthenticatedUser(userId))!.actor as NonNullable<Actor>;
const confirmEmail = (userId: string) => User.updateOne({ _id: userId }, { $set: { emailVerifiedAt: new Date() } });

/** A colleague who joined the owner's organization through an invitation. */
async function colleague(ownerId: string, locale: 'en' | 'zh-CN', confirmed: boolean) {
  const { url } = await createInvitation(await actorOf(ownerId), { role: 'member' });
  const email = uniqueEmail('colleague');
  const { userId } = await signup(
    {
      email,
      password: PASSWORD,
      name: 'Colleague',
      locale,
      organization: { invitation: new URL(url).searchParams.get('invitation')! },
    } as never,
    { ip: `203.0.113.${++lastOctet}`, locale },
  );
  if (confirmed) await confirmEmail(userId);
  return { userId, email };
}

/** An organization of an English-speaking owner and a Chinese-speaking colleague, both confirmed, and one unconfirmed member. */
async function organizationOfThree(kind = 'company') {
  const owner = await createAccount({ kind, verified: true });
  await confirmEmail(owner.userId);
  const zh = await colleague(owner.userId, 'zh-CN', true);
  const unconfirmed = await colleague(owner.userId, 'en', false);
  // Only the mail that follows counts, not the sign-ups' address confirmations.
  await OutboxMessage.deleteMany({ to: { $in: [owner.email, zh.email, unconfirmed.email] } });
  return { owner, zh, unconfirmed };
}

const mailsTo = (to: string) => OutboxMessage.find({ to }).lean();

const offerReceived = {
  type: 'offer.received',
  params: { listingTitle_zh: '导管', listingTitle_en: 'Catheter', organizationName_en: 'Acme Medical' },
  link: '/offers/0123456789abcdef01234567',
};

test('an offer received is mailed to each member with a confirmed address, in their language, with the link', async () => {
  const institute = await organizationOfThree('basic_institute');
  const listing = await createListing(institute.owner.organizationId);
  const company = await createAccount({ kind: 'company', verified: true });
  const offer = await makeOffer(await actorOf(company.userId), String(listing._id), {
    terms: { dealType: 'assignment', price: { amount: 40_000_000, currency: 'CNY' } },
    message: 'We would like to buy the patent.',
  });
  expect(await QueuedMail.countDocuments({ to: { $in: [institute.owner.email, institute.zh.email] } })).toBe(2);

  expect(await sendQueuedMails()).toMatchObject({ sent: 2, failed: 0, gaveUp: 0 });

  const link = `${config().PUBLIC_URL}/offers/${offer.id}`;
  const [en] = await mailsTo(institute.owner.email);
  expect(en).toMatchObject({
    locale: 'en',
    subject: `Org ${company.email} made an offer on “Rotational intravascular ultrasound catheter” – MedIP Exchange`,
  });
  expect(en!.text).toContain(`Org ${company.email} made an offer on “Rotational intravascular ultrasound catheter”.`);
  expect(en!.text).toContain(`Open this link to see it:\n\n${link}\n`);
  const [zh] = await mailsTo(institute.zh.email);
  expect(zh).toMatchObject({
    locale: 'zh-CN',
    subject: `【医械知识产权交易所】Org ${company.email}对“旋转式血管内超声导管”提交了报价`,
  });
  expect(zh!.text).toContain(`请点击下面的链接查看：\n\n${link}\n`);
  expect(await QueuedMail.countDocuments({ to: { $in: [institute.owner.email, institute.zh.email] } })).toBe(0);
});

test('a member whose address is not confirmed is told in the inbox but gets no mail', async () => {
  const org = await organizationOfThree();
  await notifyOrganization(org.owner.organizationId, offerReceived);
  await sendQueuedMails();
  expect((await listNotifications(await actorOf(org.unconfirmed.userId))).map((n) => n.type)).toEqual([
    'offer.received',
  ]);
  expect(await mailsTo(org.unconfirmed.email)).toEqual([]);
  expect(await mailsTo(org.owner.email)).toHaveLength(1);
});

test('notifyUsers mails a mailed type to the users it names who confirmed their address', async () => {
  const org = await organizationOfThree();
  await notifyUsers([org.zh.userId, org.unconfirmed.userId], offerReceived);
  await sendQueuedMails();
  expect(await mailsTo(org.zh.email)).toHaveLength(1);
  expect(await mailsTo(org.unconfirmed.email)).toEqual([]);
  expect(await mailsTo(org.owner.email)).toEqual([]);
});

test('a type that is not mailed (an inquiry, mailed by its own module) queues no mail', async () => {
  const org = await organizationOfThree();
  await notifyOrganization(org.owner.organizationId, { ...offerReceived, type: 'inquiry.new' });
  expect(await QueuedMail.countDocuments({ to: org.owner.email })).toBe(0);
});

test('two runs at the same time send each queued mail once', async () => {
  const org = await organizationOfThree();
  for (let i = 0; i < 5; i++) await notifyOrganization(org.owner.organizationId, offerReceived);
  const [a, b] = await Promise.all([sendQueuedMails(), sendQueuedMails()]);
  expect(a.sent + b.sent).toBe(10);
  expect(await mailsTo(org.owner.email)).toHaveLength(5);
  expect(await mailsTo(org.zh.email)).toHaveLength(5);
});

/** A queued mail as a run that claimed its first attempt left it: its lease ends at `due`. */
async function claimedMail(due: Date, attempts = 1) {
  const email = uniqueEmail('claimed');
  await QueuedMail.insertMany([
    {
      _id: `0123456789abcdef01234567:${email}`,
      userId: '0123456789abcdef01234567',
      to: email,
      locale: 'en',
      ...offerReceived,
      attempts,
      due,
    },
  ]);
  return email;
}

test('a mail whose run died mid-attempt is sent once its lease is over', async () => {
  const email = await claimedMail(new Date(Date.now() - 1000));
  expect(await sendQueuedMails()).toMatchObject({ sent: 1 });
  expect((await mailsTo(email)).map((m) => m.subject)).toEqual([
    'Acme Medical made an offer on “Catheter” – MedIP Exchange',
  ]);
  expect(await QueuedMail.countDocuments({ to: email })).toBe(0);
});

test('a mail another run is sending is left alone until that run’s lease ends', async () => {
  const now = new Date();
  const email = await claimedMail(new Date(now.getTime() + 15 * MINUTE));
  await sendQueuedMails(now);
  expect(await mailsTo(email)).toEqual([]);
  await sendQueuedMails(new Date(now.getTime() + 15 * MINUTE));
  expect(await mailsTo(email)).toHaveLength(1);
});

test('a mail whose fifth and last attempt died is given up, not sent', async () => {
  const email = await claimedMail(new Date(Date.now() - 1000), 5);
  expect(await sendQueuedMails()).toMatchObject({ sent: 0, gaveUp: 1 });
  expect(await mailsTo(email)).toEqual([]);
  expect(await QueuedMail.countDocuments({ to: email })).toBe(0);
});

test('the auction notifications read with the listing title and the amount', () => {
  const params = { listingTitle_zh: '导管', listingTitle_en: 'Catheter', amount: 'CNY 1,200,000.00' };
  const subject = (type: string, locale: 'en' | 'zh-CN') => notificationMail(locale, { type, params }, 'x').subject;
  expect(subject('auction.outbid', 'en')).toBe(
    'Your bid on “Catheter” was outbid: the highest bid is now CNY 1,200,000.00 – MedIP Exchange',
  );
  expect(subject('auction.won', 'zh-CN')).toBe('【医械知识产权交易所】您以 CNY 1,200,000.00 的出价赢得了“导管”的竞拍');
  expect(subject('auction.ended', 'en')).toBe('The auction for “Catheter” ended without a sale – MedIP Exchange');
  expect(subject('auction.sold', 'en')).toBe(
    'The auction for “Catheter” ended: the highest bid, CNY 1,200,000.00, won – MedIP Exchange',
  );
});
