import mongoose from 'mongoose';
import * as followPage from '../../app/routes/listings.$id_.follow.tsx';
import * as followApi from '../../app/routes/api.v1.listings.$id.follow.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { followListing, isFollowing, listFollowed, unfollowListing } from '../../server/follows/index.ts';
import { UserFollows } from '../../server/follows/model.ts';
import { publishListing, rejectListing, submitListing, withdrawListing } from '../../server/listings/index.ts';
import { listNotifications } from '../../server/notifications/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing, createOrganization } from '../support/factories.ts';
import { call } from '../support/requests.ts';

useTestDatabase();

const newId = () => new mongoose.Types.ObjectId().toHexString();
const OPERATOR: Actor = {
  userId: newId(),
  organizationId: '0000000000000000000000aa',
  organizationKind: 'operator',
  organizationVerified: true,
  role: 'member',
};
const memberOf = (organizationId: string, kind: 'company' | 'basic_institute' = 'company'): Actor => ({
  userId: newId(),
  organizationId,
  organizationKind: kind,
  organizationVerified: true,
  role: 'member',
});

let institute: string;
let owner: Actor;
beforeAll(async () => {
  institute = String((await createOrganization())._id);
  owner = memberOf(institute, 'basic_institute');
});

const listing = async (status = 'published', title = 'Followed stent') =>
  String((await createListing(institute, { status, title: { en: title, zh: '被关注的支架' }, publishedAt: null }))._id);
const outsider = () => memberOf(newId());
/** A signed-up account's user as an actor (isFollowing reads by user only). */
const asUser = (userId: string): Actor => ({ ...memberOf(newId())!, userId });
const inbox = async (actor: Actor) => (await listNotifications(actor)).map((n) => ({ type: n.type, link: n.link }));

test('a signed-in user follows a listing and sees it followed', async () => {
  const id = await listing();
  const reader = outsider();
  await followListing(reader, id);
  expect(await isFollowing(reader, id)).toBe(true);
  expect(await listFollowed(reader)).toEqual([
    { id, available: true, title: { en: 'Followed stent', zh: '被关注的支架' }, status: 'published' },
  ]);
});

test('following twice follows once', async () => {
  const id = await listing();
  const reader = outsider();
  await Promise.all([followListing(reader, id), followListing(reader, id)]);
  await followListing(reader, id);
  expect((await listFollowed(reader)).map((f) => f.id)).toEqual([id]);
});

test('anonymous visitors cannot follow', async () => {
  const id = await listing();
  await expect(followListing(null, id)).rejects.toMatchObject({ code: 'unauthorized' });
  expect(await isFollowing(null, id)).toBe(false);
});

test('a listing the user may not see cannot be followed', async () => {
  const draft = await listing('draft');
  await expect(followListing(outsider(), draft)).rejects.toMatchObject({ code: 'not_found' });
  await expect(followListing(outsider(), 'not-an-id')).rejects.toMatchObject({ code: 'not_found' });
  await expect(followListing(outsider(), newId())).rejects.toMatchObject({ code: 'not_found' });
});

test('followers are told when the operator publishes, linking to the listing', async () => {
  const id = await listing('draft', 'Soon-open catheter');
  // Before publication only the owner's members can see (and so follow) it.
  const colleague = memberOf(institute, 'basic_institute');
  await followListing(colleague, id);
  await submitListing(owner, id);
  expect(await inbox(colleague)).toEqual([]); // a submission is internal: no news
  await publishListing(OPERATOR, id);
  expect(await inbox(colleague)).toEqual([{ type: 'follow.published', link: `/listings/${id}` }]);
  const [note] = await listNotifications(colleague);
  expect(note!.params).toEqual({ listingTitle_en: 'Soon-open catheter', listingTitle_zh: '被关注的支架' });
});

test('followers are told when the owner withdraws, but the owner who withdrew is not', async () => {
  const id = await listing();
  const reader = outsider();
  const withdrawer = memberOf(institute, 'basic_institute');
  await followListing(reader, id);
  await followListing(withdrawer, id);
  await withdrawListing(withdrawer, id);
  // The page is gone for outsiders: the link goes to their dashboard, which lists the follow.
  expect(await inbox(reader)).toEqual([{ type: 'follow.withdrawn', link: '/dashboard' }]);
  expect(await inbox(withdrawer)).toEqual([]);
  expect(await listFollowed(reader)).toEqual([{ id, available: false }]);
});

test('a rejection back to draft tells followers nothing', async () => {
  const id = await listing('submitted');
  const colleague = memberOf(institute, 'basic_institute');
  await followListing(colleague, id);
  await rejectListing(OPERATOR, id, 'Add the grant date.');
  expect(await inbox(colleague)).toEqual([]);
});

test('after unfollowing, a user hears nothing more', async () => {
  const id = await listing();
  const reader = outsider();
  await followListing(reader, id);
  await unfollowListing(reader, id);
  expect(await isFollowing(reader, id)).toBe(false);
  await withdrawListing(owner, id);
  expect(await inbox(reader)).toEqual([]);
  expect(await listFollowed(reader)).toEqual([]);
});

test('a withdrawn listing can still be unfollowed', async () => {
  const id = await listing();
  const reader = outsider();
  await followListing(reader, id);
  await withdrawListing(owner, id);
  await unfollowListing(reader, id);
  expect(await listFollowed(reader)).toEqual([]);
});

test('a user follows at most 500 listings, however many follows race', async () => {
  const reader = outsider();
  await UserFollows.insertMany([{ _id: reader!.userId, listings: Array.from({ length: 498 }, newId) }]);
  const [a, b, c] = [await listing(), await listing(), await listing()];
  const results = await Promise.allSettled([a, b, c].map((id) => followListing(reader, id)));
  expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
  expect(results.find((r) => r.status === 'rejected')).toMatchObject({
    reason: { code: 'invalid', fieldErrors: { listing: ['errors.tooManyFollows'] } },
  });
  expect((await UserFollows.findById(reader!.userId).lean())!.listings).toHaveLength(500);
});

test('the follow form follows and unfollows, then goes back where it came from', async () => {
  const id = await listing();
  const { cookie, userId } = await createAccount();
  const form = (intent: string) =>
    call(followPage.action, `/listings/${id}/follow`, {
      cookie,
      params: { id },
      form: { intent, returnTo: `/listings/${id}?tab=terms` },
    });
  const followed = await form('follow');
  expect(followed.status).toBe(302);
  expect(followed.headers.get('Location')).toBe(`/listings/${id}?tab=terms`);
  const reader = asUser(userId);
  expect(await isFollowing(reader, id)).toBe(true);
  await form('unfollow');
  expect(await isFollowing(reader, id)).toBe(false);
});

test('the follow form never sends anyone off the site: it falls back to the listing', async () => {
  const id = await listing();
  const { cookie } = await createAccount();
  const response = await call(followPage.action, `/listings/${id}/follow`, {
    cookie,
    params: { id },
    form: { intent: 'follow', returnTo: '//evil.example/x' },
  });
  expect(response.headers.get('Location')).toBe(`/listings/${id}`);
});

test('the follow form sends anonymous visitors to log in', async () => {
  const id = await listing();
  const response = await call(followPage.action, `/listings/${id}/follow`, {
    params: { id },
    form: { intent: 'follow' },
  });
  expect(response.status).toBe(302);
  expect(response.headers.get('Location')).toBe(`/login?redirectTo=${encodeURIComponent(`/listings/${id}/follow`)}`);
});

test('the follow form refuses an unknown intent with a field error', async () => {
  const id = await listing();
  const { cookie } = await createAccount();
  const response = await call(followPage.action, `/listings/${id}/follow`, {
    cookie,
    params: { id },
    form: { intent: 'subscribe' },
  });
  expect(response.status).toBe(400);
  expect(Object.keys(((await response.json()) as { fieldErrors: object }).fieldErrors)).toEqual(['intent']);
});

test('the API follows with PUT and unfollows with DELETE', async () => {
  const id = await listing();
  const { cookie, userId } = await createAccount();
  const put = await call(followApi.action, `/api/v1/listings/${id}/follow`, { method: 'PUT', cookie, params: { id } });
  expect(put.status).toBe(200);
  expect(await put.json()).toEqual({ listingId: id, following: true });
  const reader = asUser(userId);
  expect(await isFollowing(reader, id)).toBe(true);
  const del = await call(followApi.action, `/api/v1/listings/${id}/follow`, {
    method: 'DELETE',
    cookie,
    params: { id },
  });
  expect(del.status).toBe(204);
  expect(await isFollowing(reader, id)).toBe(false);
});

test('the follow API answers other methods with 405 problem+json', async () => {
  const id = await listing();
  const post = await call(followApi.action, `/api/v1/listings/${id}/follow`, { method: 'POST', params: { id } });
  expect(post.status).toBe(405);
  expect(post.headers.get('Content-Type')).toContain('application/problem+json');
  expect(post.headers.get('Allow')).toBe('PUT, DELETE');
  const get = await call(followApi.loader, `/api/v1/listings/${id}/follow`, { params: { id } });
  expect(get.status).toBe(405);
});

test('the follow API wants a signed-in caller and a listing they may see', async () => {
  const draft = await listing('draft');
  const anonymous = await call(followApi.action, `/api/v1/listings/${draft}/follow`, {
    method: 'PUT',
    params: { id: draft },
  });
  expect(anonymous.status).toBe(401);
  const { cookie } = await createAccount();
  for (const id of [draft, 'not-an-id', '%00']) {
    const response = await call(followApi.action, `/api/v1/listings/${id}/follow`, {
      method: 'PUT',
      cookie,
      params: { id },
    });
    expect(response.status).toBe(404);
  }
  const malformed = await call(followApi.action, '/api/v1/listings/x/follow', {
    method: 'DELETE',
    cookie,
    params: { id: 'x' },
  });
  expect(malformed.status).toBe(404);
});
