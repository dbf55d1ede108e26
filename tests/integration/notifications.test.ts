import { config } from '../../server/config.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import { listOutbox, mailTemplates, OutboxMessage, sendMail } from '../../server/notifications/index.ts';
import { useTestDatabase } from '../support/database.ts';

useTestDatabase();

const actor = (organizationKind: 'operator' | 'company'): Actor => ({
  userId: '000000000000000000000001',
  organizationId: '0123456789abcdef01234567',
  organizationKind,
  organizationVerified: true,
  role: 'owner',
});
const operator = actor('operator');

beforeAll(async () => {
  await OutboxMessage.deleteMany({});
  for (const n of [1, 2, 3]) {
    await sendMail({ to: `user${n}@example.com`, subject: `Message ${n}`, text: `Body ${n} https://x.test/t/${n}` });
  }
});

test('without SMTP_URL, mail is written to the outbox with its locale', async () => {
  expect(config().SMTP_URL).toBeUndefined();
  await sendMail({ to: 'en@example.com', subject: 'Hello', text: 'Plain', html: '<p>Plain</p>', locale: 'en' });
  const stored = await OutboxMessage.findOne({ to: 'en@example.com' }).lean();
  expect(stored).toMatchObject({ subject: 'Hello', text: 'Plain', html: '<p>Plain</p>', locale: 'en' });
  expect(stored!.createdAt).toBeInstanceOf(Date);
  await OutboxMessage.deleteOne({ _id: stored!._id });
});

test('operators read the outbox newest first, a page at a time', async () => {
  const first = await listOutbox(operator, { page: 1, pageSize: 2 });
  expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
  expect(first.items.map((m) => m.subject)).toEqual(['Message 3', 'Message 2']);
  expect(first.items[0]).toEqual({
    id: expect.stringMatching(/^[a-f0-9]{24}$/),
    to: 'user3@example.com',
    subject: 'Message 3',
    text: 'Body 3 https://x.test/t/3',
    createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
  });
  const second = await listOutbox(operator, { page: 2, pageSize: 2 });
  expect(second.items.map((m) => m.subject)).toEqual(['Message 1']);
});

test('a company member may not read the outbox, and an anonymous visitor must sign in', async () => {
  await expect(listOutbox(actor('company'), { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'forbidden' });
  await expect(listOutbox(null, { page: 1, pageSize: 20 })).rejects.toMatchObject({ code: 'unauthorized' });
});

test('a bad page size is invalid input, not a query', async () => {
  await expect(listOutbox(operator, { page: 0, pageSize: 1000 })).rejects.toMatchObject({
    code: 'invalid',
    fieldErrors: { page: expect.any(Array), pageSize: expect.any(Array) },
  });
});

const url = 'https://medip.example/t/abc123';
const cases = {
  verifyEmail: (locale: 'zh-CN' | 'en') => mailTemplates.verifyEmail(locale, { name: '王伟', url }),
  passwordReset: (locale: 'zh-CN' | 'en') => mailTemplates.passwordReset(locale, { url }),
  invitation: (locale: 'zh-CN' | 'en') =>
    mailTemplates.invitation(locale, { organizationName: '苏州医工所', inviterName: 'Li Na', url, role: 'admin' }),
  organizationVerified: (locale: 'zh-CN' | 'en') =>
    mailTemplates.organizationVerified(locale, { organizationName: 'Acme Medical', url }),
  organizationRejected: (locale: 'zh-CN' | 'en') =>
    mailTemplates.organizationRejected(locale, { organizationName: 'Acme Medical', reason: '营业执照不清晰', url }),
};

test.each(Object.entries(cases))('the %s mail exists in Chinese and English, each with the link', (_name, render) => {
  const zh = render('zh-CN');
  const en = render('en');
  for (const mail of [zh, en]) {
    expect(mail.subject.trim()).not.toBe('');
    expect(mail.subject).not.toMatch(/[\r\n]/);
    expect(mail.text).toContain(url);
  }
  expect(zh.subject).toContain('医械知识产权交易所');
  expect(en.subject).toContain('MedIP Exchange');
  expect(zh.subject).not.toBe(en.subject);
  expect(zh.text).not.toBe(en.text);
  expect(zh.text).toMatch(/[\u4e00-\u9fff]/);
});

test('the password-reset mail says the link lasts an hour and may be ignored', () => {
  expect(mailTemplates.passwordReset('zh-CN', { url }).text).toMatch(/1 小时.*忽略/s);
  expect(mailTemplates.passwordReset('en', { url }).text).toMatch(/1 hour.*ignore/s);
});

test('names from users cannot break a subject line', () => {
  const mail = mailTemplates.invitation('en', {
    organizationName: 'Acme\r\nBcc: victim@example.com',
    inviterName: 'Eve',
    url,
    role: 'member',
  });
  expect(mail.subject).not.toMatch(/[\r\n]/);
  expect(mail.text).toContain('as a member');
});
