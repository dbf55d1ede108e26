import mongoose from 'mongoose';
import type { Actor } from '../../server/auth/permissions.ts';
import { User } from '../../server/auth/index.ts';
import {
  listNotifications,
  markRead,
  notifyOrganization,
  notifyUsers,
  unreadCount,
} from '../../server/notifications/index.ts';
import { useTestDatabase } from '../support/database.ts';
import { addOrganizationMember } from '../../server/orgs/index.ts';

useTestDatabase();

const newId = () => String(new mongoose.Types.ObjectId());
const member = (userId = newId(), organizationId = newId()): NonNullable<Actor> => ({
  userId,
  organizationId,
  organizationKind: 'company',
  organizationVerified: false,
  role: 'member',
});
const note = (n: number, link = `/inquiries/thread-${n}`) => ({
  type: 'inquiry.new',
  params: { organizationName: `Org ${n}` },
  link,
});

async function addUser(organizationId: string): Promise<string> {
  const _id = new mongoose.Types.ObjectId();
  await User.insertMany([
    {
      _id,
      email: `${String(_id)}@example.com`,
      emailNormalized: `${String(_id)}@example.com`,
      name: 'Member',
      memberships: [{ organization: organizationId, role: 'member' }],
    },
  ]);
  await addOrganizationMember(organizationId, String(_id));
  return String(_id);
}

test('a notification reaches each listed user once, unread, with its type, params and link', async () => {
  const a = member();
  const b = member();
  await notifyUsers([a.userId, b.userId, a.userId], note(1));
  for (const user of [a, b]) {
    expect(await listNotifications(user)).toEqual([
      {
        id: expect.stringMatching(/^[a-f0-9]{24}$/),
        type: 'inquiry.new',
        params: { organizationName: 'Org 1' },
        link: '/inquiries/thread-1',
        at: expect.stringMatching(/Z$/),
        read: false,
      },
    ]);
    expect(await unreadCount(user)).toBe(1);
  }
});

test('notifications are listed newest first', async () => {
  const a = member();
  for (const n of [1, 2, 3]) await notifyUsers([a.userId], note(n));
  expect((await listNotifications(a)).map((n) => n.params.organizationName)).toEqual(['Org 3', 'Org 2', 'Org 1']);
});

test('a box keeps the newest 50 notifications and counts only those as unread', async () => {
  const a = member();
  for (let n = 1; n <= 53; n++) await notifyUsers([a.userId], note(n));
  const listed = await listNotifications(a);
  expect(listed).toHaveLength(50);
  expect(listed[0]!.params.organizationName).toBe('Org 53');
  expect(listed[49]!.params.organizationName).toBe('Org 4');
  expect(await unreadCount(a)).toBe(50);
});

test('parallel notifications to one user are all kept', async () => {
  const a = member();
  await Promise.all(Array.from({ length: 20 }, (_, n) => notifyUsers([a.userId], note(n))));
  expect(await listNotifications(a)).toHaveLength(20);
  expect(await unreadCount(a)).toBe(20);
});

test('an organization’s members are notified, except the one who acted', async () => {
  const organizationId = newId();
  const [asker, colleague, another] = [
    await addUser(organizationId),
    await addUser(organizationId),
    await addUser(organizationId),
  ];
  const outsider = await addUser(newId());
  await notifyOrganization(organizationId, note(7), { except: asker });
  expect(await unreadCount(member(asker, organizationId))).toBe(0);
  expect(await unreadCount(member(colleague, organizationId))).toBe(1);
  expect(await unreadCount(member(another, organizationId))).toBe(1);
  expect(await unreadCount(member(outsider))).toBe(0);
});

test('marking chosen notifications read lowers the unread count by those', async () => {
  const a = member();
  for (const n of [1, 2, 3]) await notifyUsers([a.userId], note(n));
  const [third, second] = await listNotifications(a);
  expect(await markRead(a, [third!.id, second!.id, 'not-an-id'])).toEqual({ unread: 1 });
  expect((await listNotifications(a)).map((n) => n.read)).toEqual([true, true, false]);
  expect(await unreadCount(a)).toBe(1);
});

test('marking all read leaves nothing unread', async () => {
  const a = member();
  for (const n of [1, 2]) await notifyUsers([a.userId], note(n));
  expect(await markRead(a, 'all')).toEqual({ unread: 0 });
  expect((await listNotifications(a)).every((n) => n.read)).toBe(true);
});

test('opening what notifications link to marks those read', async () => {
  const a = member();
  await notifyUsers([a.userId], note(1, '/inquiries/x'));
  await notifyUsers([a.userId], note(2, '/inquiries/y'));
  await notifyUsers([a.userId], note(3, '/inquiries/x'));
  expect(await markRead(a, { link: '/inquiries/x' })).toEqual({ unread: 1 });
  expect((await listNotifications(a)).map((n) => [n.link, n.read])).toEqual([
    ['/inquiries/x', true],
    ['/inquiries/y', false],
    ['/inquiries/x', true],
  ]);
});

test('one user’s notification ids mark nothing in another’s box', async () => {
  const a = member();
  const b = member();
  await notifyUsers([a.userId, b.userId], note(1));
  const [mine] = await listNotifications(a);
  await markRead(b, [mine!.id]);
  expect(await unreadCount(b)).toBe(1);
});

test('a user who was never notified has an empty box', async () => {
  const a = member();
  expect(await listNotifications(a)).toEqual([]);
  expect(await unreadCount(a)).toBe(0);
  expect(await markRead(a, 'all')).toEqual({ unread: 0 });
});

test('an anonymous visitor has no notifications to read or mark', async () => {
  await expect(listNotifications(null)).rejects.toMatchObject({ code: 'unauthorized' });
  await expect(unreadCount(null)).rejects.toMatchObject({ code: 'unauthorized' });
  await expect(markRead(null, 'all')).rejects.toMatchObject({ code: 'unauthorized' });
});

test('a notification must link to a path on this site', async () => {
  const a = member();
  for (const link of ['https://evil.example/x', '//evil.example/x', '/\\evil.example', 'inquiries/x']) {
    await expect(notifyUsers([a.userId], note(1, link))).rejects.toThrow(/same-site path/);
  }
  expect(await unreadCount(a)).toBe(0);
});

test('a notification’s params are plain names with string values', async () => {
  const a = member();
  await expect(
    notifyUsers([a.userId], { type: 'inquiry.new', params: { 'a.b': 'x' }, link: '/inquiries' }),
  ).rejects.toThrow(/params/);
  await expect(
    notifyUsers([a.userId], { type: 'inquiry.new', params: { $where: 'x' }, link: '/inquiries' }),
  ).rejects.toThrow(/params/);
  await expect(notifyUsers([a.userId], { type: 'Inquiry', params: {}, link: '/inquiries' })).rejects.toThrow(/type/);
});
