import mongoose from 'mongoose';
import { loadAuthenticatedUser, User } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { config } from '../../server/config.ts';
import { ListingFunnel } from '../../server/dashboard/funnel.ts';
import {
  askQuestion,
  getThread,
  InquiryThread,
  InquiryThreadIndex,
  listThreads,
  replyInThread,
  threadsAwaitingReply,
} from '../../server/inquiries/index.ts';
import { listNotifications, OutboxMessage, unreadCount } from '../../server/notifications/index.ts';
import { action as askPage } from '../../app/routes/listings.$id_.ask';
import { loader as threadPage, action as replyPage } from '../../app/routes/inquiries.$threadId';
import { loader as threadsPage } from '../../app/routes/inquiries._index';
import { loader as apiThreads, action as apiThreadsPost } from '../../app/routes/api.v1.inquiries';
import { loader as apiThread } from '../../app/routes/api.v1.inquiries.$threadId';
import { action as apiReply } from '../../app/routes/api.v1.inquiries.$threadId.messages';
import { action as apiAsk, loader as apiAskGet } from '../../app/routes/api.v1.listings.$id.inquiries';
import { loader as apiNotifications } from '../../app/routes/api.v1.notifications';
import { action as apiMarkRead } from '../../app/routes/api.v1.notifications.read';
import { loader as rootLoader } from '../../app/root';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';
import { addOrganizationMember } from '../../server/orgs/index.ts';

useTestDatabase();

type Account = Awaited<ReturnType<typeof createAccount>> & { actor: NonNullable<Actor> };

/** A signed-up member whose e-mail address is confirmed, in the given locale. */
async function member({
  kind = 'company',
  locale = 'en',
  verifiedEmail = true,
}: { kind?: string; locale?: 'en' | 'zh-CN'; verifiedEmail?: boolean } = {}): Promise<Account> {
  const account = await createAccount({ kind, verified: kind !== 'company' });
  await User.updateOne(
    { _id: account.userId },
    { $set: { locale, emailVerifiedAt: verifiedEmail ? new Date() : null } },
  );
  // Only the mail the inquiries send matters here, not the sign-up's verification mail.
  await OutboxMessage.deleteMany({ to: account.email });
  return { ...account, actor: (await loadAuthenticatedUser(account.userId))!.actor! };
}

/** A colleague in the same organization (as an accepted invitation makes one). */
async function colleague(of: Account, locale: 'en' | 'zh-CN' = 'en'): Promise<Account> {
  const _id = new mongoose.Types.ObjectId();
  await User.insertMany([
    {
      _id,
      email: `colleague-${String(_id)}@example.com`,
      emailNormalized: `colleague-${String(_id)}@example.com`,
      name: 'Colleague',
      locale,
      emailVerifiedAt: new Date(),
      memberships: [{ organization: of.organizationId, role: 'member' }],
    },
  ]);
  await addOrganizationMember(of.organizationId, String(_id));
  const userId = String(_id);
  return {
    ...of,
    userId,
    email: `colleague-${userId}@example.com`,
    actor: (await loadAuthenticatedUser(userId))!.actor!,
  };
}

/** An institute (members in Chinese) with a published listing. */
async function ownerWithListing() {
  const owner = await member({ kind: 'basic_institute', locale: 'zh-CN' });
  const listing = await createListing(owner.organizationId);
  return { owner, listingId: String(listing._id) };
}

const threadIdOf = (listingId: string, asker: Account) => `${listingId}:${asker.organizationId}`;
const mailsTo = (to: string) => OutboxMessage.find({ to }).sort({ createdAt: 1, _id: 1 }).lean();

test('a question from another organization opens a thread between it and the listing, then shows it', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  const response = await call(askPage, `/listings/${listingId}/ask`, {
    form: { body: 'Is the catheter compatible with 6F guide catheters?' },
    cookie: asker.cookie,
    params: { id: listingId },
  });
  const threadId = threadIdOf(listingId, asker);
  expect(response.status).toBe(302);
  expect(response.headers.get('Location')).toBe(`/inquiries/${threadId}`);
  const thread = await getThread(asker.actor, threadId);
  expect(thread).toMatchObject({
    id: threadId,
    listing: { id: listingId, title: { en: 'Rotational intravascular ultrasound catheter' } },
    side: 'asker',
    asker: { id: asker.organizationId },
    owner: { id: owner.organizationId, name: { en: 'Org ' + owner.email } },
    awaitingReply: false,
  });
  expect(thread.messages).toEqual([
    {
      id: expect.any(String),
      side: 'asker',
      mine: true,
      authorName: 'Test User',
      body: 'Is the catheter compatible with 6F guide catheters?',
      at: expect.any(String),
    },
  ]);
});

test('parallel first questions from one organization make one thread holding each question, counted once', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  const other = await colleague(asker);
  const results = await Promise.all([
    askQuestion(asker.actor, listingId, { body: 'First question' }),
    askQuestion(other.actor, listingId, { body: 'Second question' }),
  ]);
  expect(results.map((r) => r.threadId)).toEqual([threadIdOf(listingId, asker), threadIdOf(listingId, asker)]);
  expect(results.filter((r) => r.created)).toHaveLength(1);
  const threads = await InquiryThread.find({ listing: listingId }).lean();
  expect(threads).toHaveLength(1);
  expect(threads[0]!.messages.map((m) => m.body).sort()).toEqual(['First question', 'Second question']);
  expect((await ListingFunnel.findById(listingId).lean())?.totals?.inquiries).toBe(1);
});

test('parallel messages from both sides all land, and both organizations’ lists end on the newest', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'Question' });
  await Promise.all(
    Array.from({ length: 4 }, (_, n) => [
      replyInThread(owner.actor, threadId, { body: `Answer ${n}` }),
      replyInThread(asker.actor, threadId, { body: `Follow-up ${n}` }),
    ]).flat(),
  );
  const thread = (await InquiryThread.findById(threadId).lean())!;
  expect(thread.messages).toHaveLength(9);
  const last = thread.messages.at(-1)!;
  for (const account of [owner, asker]) {
    const [summary] = await listThreads(account.actor);
    expect(summary).toMatchObject({ id: threadId, preview: last.body, lastAt: last.at.toISOString() });
  }
});

test('a later question from the same organization joins its thread and is not a new inquiry', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  await askQuestion(asker.actor, listingId, { body: 'One' });
  expect(await askQuestion(asker.actor, listingId, { body: 'Two' })).toEqual({
    threadId: threadIdOf(listingId, asker),
    created: false,
  });
  expect((await ListingFunnel.findById(listingId).lean())?.totals?.inquiries).toBe(1);
  expect((await InquiryThread.findById(threadIdOf(listingId, asker)).lean())!.messages).toHaveLength(2);
});

test('the owner cannot ask about its own listing, and nothing is written', async () => {
  const { owner, listingId } = await ownerWithListing();
  const response = await call(apiAsk, `/api/v1/listings/${listingId}/inquiries`, {
    json: { body: 'Can we ask ourselves?' },
    cookie: owner.cookie,
    headers: { 'Accept-Language': 'en' },
    params: { id: listingId },
  });
  expect(response.status).toBe(403);
  expect(await response.json()).toMatchObject({
    title: 'You cannot ask a question about your own organisation’s listing.',
  });
  expect(await InquiryThread.countDocuments({ listing: listingId })).toBe(0);
});

test('a member whose e-mail address is unconfirmed is asked to confirm it first', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member({ verifiedEmail: false });
  await expect(askQuestion(asker.actor, listingId, { body: 'Hello?' })).rejects.toMatchObject({
    code: 'forbidden',
    message: 'errors.inquiryVerifyEmail',
  });
  expect(await InquiryThread.countDocuments({ listing: listingId })).toBe(0);
});

test('a member of an unverified organization may ask', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  expect(asker.actor.organizationVerified).toBe(false);
  expect(await askQuestion(asker.actor, listingId, { body: 'Hello' })).toMatchObject({ created: true });
});

test('an unpublished listing cannot be asked about: to outsiders it does not exist', async () => {
  const owner = await member({ kind: 'basic_institute' });
  const draft = await createListing(owner.organizationId, { status: 'draft', publishedAt: null });
  const asker = await member();
  await expect(askQuestion(asker.actor, String(draft._id), { body: 'Hello' })).rejects.toMatchObject({
    code: 'not_found',
  });
});

test('a closed listing takes no more questions', async () => {
  const owner = await member({ kind: 'basic_institute' });
  const closed = await createListing(owner.organizationId, { status: 'closed' });
  const asker = await member();
  await expect(askQuestion(asker.actor, String(closed._id), { body: 'Hello' })).rejects.toMatchObject({
    code: 'forbidden',
    message: 'errors.inquiryUnavailable',
  });
});

test('a malformed listing id is not found', async () => {
  const asker = await member();
  const response = await call(apiAsk, '/api/v1/listings/..%2F/inquiries', {
    json: { body: 'Hello' },
    cookie: asker.cookie,
    params: { id: '../' },
  });
  expect(response.status).toBe(404);
});

test('a third organization can neither read nor reply to the thread: it does not exist for it', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'Private question' });
  const outsider = await member();
  const read = await call(apiThread, `/api/v1/inquiries/${threadId}`, {
    cookie: outsider.cookie,
    params: { threadId },
  });
  expect(read.status).toBe(404);
  const reply = await call(apiReply, `/api/v1/inquiries/${threadId}/messages`, {
    json: { body: 'Let me in' },
    cookie: outsider.cookie,
    params: { threadId },
  });
  expect(reply.status).toBe(404);
  const page = await call(threadPage, `/inquiries/${threadId}`, { cookie: outsider.cookie, params: { threadId } });
  expect(page.status).toBe(404);
  expect((await InquiryThread.findById(threadId).lean())!.messages).toHaveLength(1);
});

test('malformed and unknown thread ids are not found', async () => {
  const asker = await member();
  for (const threadId of ['nope', `${'a'.repeat(24)}:${'b'.repeat(24)}`, '{"$gt":""}']) {
    const response = await call(apiThread, `/api/v1/inquiries/x`, { cookie: asker.cookie, params: { threadId } });
    expect(response.status).toBe(404);
  }
});

test('a question notifies every member of the owner, in the app and by e-mail in their language', async () => {
  const { owner, listingId } = await ownerWithListing();
  const englishColleague = await colleague(owner, 'en');
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'What is the lead time?\nAnd the MOQ?' });

  for (const user of [owner, englishColleague]) {
    expect(await listNotifications(user.actor)).toEqual([
      expect.objectContaining({
        type: 'inquiry.new',
        link: `/inquiries/${threadId}`,
        read: false,
        params: expect.objectContaining({
          listingTitle_zh: '旋转式血管内超声导管',
          listingTitle_en: 'Rotational intravascular ultrasound catheter',
          organizationName_en: `Org ${asker.email}`,
        }),
      }),
    ]);
  }
  const [zhMail] = await mailsTo(owner.email);
  expect(zhMail).toMatchObject({
    locale: 'zh-CN',
    subject: '【医械知识产权交易所】“旋转式血管内超声导管”收到新的咨询',
  });
  expect(zhMail!.text).toContain(`“Org ${asker.email}”就贵机构发布的“旋转式血管内超声导管”提出了咨询`);
  expect(zhMail!.text).toContain('What is the lead time?\nAnd the MOQ?');
  expect(zhMail!.text).toContain(`${config().PUBLIC_URL}/inquiries/${threadId}`);
  const [enMail] = await mailsTo(englishColleague.email);
  expect(enMail).toMatchObject({
    locale: 'en',
    subject: 'New question about “Rotational intravascular ultrasound catheter” – MedIP Exchange',
  });
  expect(await unreadCount(asker.actor)).toBe(0);
  expect(await mailsTo(asker.email)).toEqual([]);
});

test('a reply notifies the asking organization’s members, in the app and by e-mail', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'Question' });
  const response = await call(apiReply, `/api/v1/inquiries/${threadId}/messages`, {
    json: { body: '  Twelve weeks.  ' },
    cookie: owner.cookie,
    params: { threadId },
  });
  expect(response.status).toBe(201);
  expect(await listNotifications(asker.actor)).toEqual([
    expect.objectContaining({ type: 'inquiry.reply', link: `/inquiries/${threadId}`, read: false }),
  ]);
  const mails = await mailsTo(asker.email);
  expect(mails.map((m) => m.subject)).toEqual([
    'New message about “Rotational intravascular ultrasound catheter” – MedIP Exchange',
  ]);
  expect(mails[0]!.text).toContain('Twelve weeks.');
  expect((await getThread(asker.actor, threadId)).messages.map((m) => [m.side, m.body])).toEqual([
    ['asker', 'Question'],
    ['owner', 'Twelve weeks.'],
  ]);
});

test('members whose e-mail address is unconfirmed are notified in the app but not mailed', async () => {
  const { owner, listingId } = await ownerWithListing();
  await User.updateOne({ _id: owner.userId }, { $set: { emailVerifiedAt: null } });
  const asker = await member();
  await askQuestion(asker.actor, listingId, { body: 'Question' });
  expect(await unreadCount(owner.actor)).toBe(1);
  expect(await mailsTo(owner.email)).toEqual([]);
});

test('opening a thread marks its notifications read and clears its unread count', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'Question one' });
  await askQuestion(asker.actor, listingId, { body: 'Question two' });
  expect(await unreadCount(owner.actor)).toBe(2);
  expect((await listThreads(owner.actor))[0]).toMatchObject({ id: threadId, unread: 2 });

  const page = await call(threadPage, `/inquiries/${threadId}`, { cookie: owner.cookie, params: { threadId } });
  expect(page.status).toBe(200);
  expect(await unreadCount(owner.actor)).toBe(0);
  expect((await listThreads(owner.actor))[0]).toMatchObject({ id: threadId, unread: 0 });
});

test('threads awaiting the organization’s reply come first, then the newest', async () => {
  const { owner, listingId } = await ownerWithListing();
  const [first, second, third] = [await member(), await member(), await member()];
  const a = await askQuestion(first.actor, listingId, { body: 'A' });
  const b = await askQuestion(second.actor, listingId, { body: 'B' });
  const c = await askQuestion(third.actor, listingId, { body: 'C' });
  await replyInThread(owner.actor, c.threadId, { body: 'Answer to C' });

  const threads = await listThreads(owner.actor);
  expect(threads.map((t) => [t.id, t.awaitingReply])).toEqual([
    [b.threadId, true],
    [a.threadId, true],
    [c.threadId, false],
  ]);
  expect((await threadsAwaitingReply(owner.actor)).map((t) => t.id)).toEqual([b.threadId, a.threadId]);
  expect((await threadsAwaitingReply(third.actor)).map((t) => t.id)).toEqual([c.threadId]);
  expect((await listThreads(third.actor))[0]).toMatchObject({
    side: 'asker',
    otherOrganization: { id: owner.organizationId },
    preview: 'Answer to C',
    unread: 1,
  });
});

test('the inquiries page and API list the organization’s threads, for its members only', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'Question' });
  const page = await call(threadsPage, '/inquiries', { cookie: asker.cookie });
  expect(((await page.json()) as { threads: { id: string }[] }).threads.map((t) => t.id)).toEqual([threadId]);
  const api = await call(apiThreads, '/api/v1/inquiries', { cookie: asker.cookie });
  expect(((await api.json()) as { items: { id: string }[] }).items.map((t) => t.id)).toEqual([threadId]);
  const outsider = await member();
  const none = await call(apiThreads, '/api/v1/inquiries', { cookie: outsider.cookie });
  expect(await none.json()).toEqual({ items: [] });
});

test('an empty, too long or control-character message is refused per field, and nothing is written', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  const cases: [unknown, string][] = [
    ['   ', 'Required.'],
    ['x'.repeat(5001), 'Keep it to 5,000 characters.'],
    ['Pay here \u202Egnp.exe', 'Remove control or text-direction characters.'],
    [42, 'Required.'],
  ];
  for (const [body, message] of cases) {
    const response = await call(apiAsk, `/api/v1/listings/${listingId}/inquiries`, {
      json: { body },
      cookie: asker.cookie,
      headers: { 'Accept-Language': 'en' },
      params: { id: listingId },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ errors: { body: [message] } });
  }
  expect(await InquiryThread.countDocuments({ listing: listingId })).toBe(0);
  expect(await InquiryThreadIndex.findById(owner.organizationId).lean()).toBeNull();
  expect(await unreadCount(owner.actor)).toBe(0);
  expect(await mailsTo(owner.email)).toEqual([]);
});

test('a refused question comes back on its page with the message and the text as typed', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  const typed = 'Hello\u202E there';
  const response = await call(askPage, `/listings/${listingId}/ask`, {
    form: { body: typed },
    cookie: asker.cookie,
    headers: { 'Accept-Language': 'en' },
    params: { id: listingId },
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toEqual({
    formError: null,
    fieldErrors: { body: ['Remove control or text-direction characters.'] },
    values: { body: typed },
  });
});

test('a refused reply comes back on the thread page with the text as typed', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'Question' });
  const response = await call(replyPage, `/inquiries/${threadId}`, {
    form: { body: '' },
    cookie: owner.cookie,
    headers: { 'Accept-Language': 'zh-CN' },
    params: { threadId },
  });
  expect(response.status).toBe(400);
  expect(await response.json()).toMatchObject({ fieldErrors: { body: ['必填。'] }, values: { body: '' } });
  expect((await InquiryThread.findById(threadId).lean())!.messages).toHaveLength(1);
});

test('a message is stored and returned as the text sent, markup and all', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  const body = '<script>alert(1)</script> & <b>bold</b>';
  const { threadId } = await askQuestion(asker.actor, listingId, { body });
  expect((await getThread(asker.actor, threadId)).messages[0]!.body).toBe(body);
});

test('an anonymous visitor must sign in: the API answers 401, the pages send to the log-in page', async () => {
  const { listingId } = await ownerWithListing();
  const api = await call(apiAsk, `/api/v1/listings/${listingId}/inquiries`, {
    json: { body: 'Hello' },
    params: { id: listingId },
  });
  expect(api.status).toBe(401);
  expect((await call(apiThreads, '/api/v1/inquiries')).status).toBe(401);
  expect((await call(apiNotifications, '/api/v1/notifications')).status).toBe(401);
  const page = await call(askPage, `/listings/${listingId}/ask`, {
    form: { body: 'Hello' },
    params: { id: listingId },
  });
  expect(page.status).toBe(302);
  expect(page.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(`/listings/${listingId}/ask`)}`);
  const list = await call(threadsPage, '/inquiries');
  expect(list.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent('/inquiries')}`);
  expect(await InquiryThread.countDocuments({ listing: listingId })).toBe(0);
});

test('the API answers other methods with 405 and the methods it takes', async () => {
  const asker = await member();
  const ask = await call(apiAskGet, '/api/v1/listings/x/inquiries', { cookie: asker.cookie, params: { id: 'x' } });
  expect(ask.status).toBe(405);
  expect(ask.headers.get('Allow')).toBe('POST');
  const list = await call(apiThreadsPost, '/api/v1/inquiries', { method: 'POST', cookie: asker.cookie });
  expect(list.status).toBe(405);
  expect(list.headers.get('Allow')).toBe('GET');
});

test('the notifications API gives each notification’s text in the request’s language, and marks them read', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  const { threadId } = await askQuestion(asker.actor, listingId, { body: 'Question' });
  const zh = await call(apiNotifications, '/api/v1/notifications', {
    cookie: owner.cookie,
    headers: { 'Accept-Language': 'zh-CN' },
  });
  const body = (await zh.json()) as { items: { id: string; text: string; link: string }[]; unread: number };
  expect(body.unread).toBe(1);
  expect(body.items[0]).toMatchObject({
    link: `/inquiries/${threadId}`,
    text: `“Org ${asker.email}”就“旋转式血管内超声导管”提出了咨询。`,
  });
  const en = await call(apiNotifications, '/api/v1/notifications', {
    cookie: owner.cookie,
    headers: { 'Accept-Language': 'en' },
  });
  expect(((await en.json()) as { items: { text: string }[] }).items[0]!.text).toBe(
    `Org ${asker.email} asked a question about “Rotational intravascular ultrasound catheter”.`,
  );
  const read = await call(apiMarkRead, '/api/v1/notifications/read', {
    json: { ids: [body.items[0]!.id] },
    cookie: owner.cookie,
  });
  expect(await read.json()).toEqual({ unread: 0 });
  const bad = await call(apiMarkRead, '/api/v1/notifications/read', { json: { ids: 'all' }, cookie: owner.cookie });
  expect(bad.status).toBe(400);
});

test('the header shows a signed-in member’s unread count, and nothing user-specific to anonymous visitors', async () => {
  const { owner, listingId } = await ownerWithListing();
  const asker = await member();
  await askQuestion(asker.actor, listingId, { body: 'Question' });
  const signedIn = await call(rootLoader, '/', { cookie: owner.cookie });
  expect(((await signedIn.json()) as { viewer: { unreadNotifications: number } }).viewer.unreadNotifications).toBe(1);
  const anonymous = await call(rootLoader, '/');
  expect(((await anonymous.json()) as { viewer: unknown }).viewer).toBeNull();
});

test('questions are limited to 10 an hour per member', async () => {
  const { listingId } = await ownerWithListing();
  const asker = await member();
  for (let n = 1; n <= 10; n++) await askQuestion(asker.actor, listingId, { body: `Question ${n}` });
  await expect(askQuestion(asker.actor, listingId, { body: 'Question 11' })).rejects.toMatchObject({
    code: 'rate_limited',
  });
  expect((await InquiryThread.findById(threadIdOf(listingId, asker)).lean())!.messages).toHaveLength(10);
});
