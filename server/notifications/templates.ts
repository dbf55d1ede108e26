import type { Locale, MemberRole } from '../vocabulary.ts';

// The platform's mail, in the recipient's locale. Each template returns the
// subject and the plain-text body; sendMail adds the sender.

export interface MailContent {
  subject: string;
  text: string;
}

type Template<P> = (locale: Locale, params: P) => MailContent;

const BRAND = { 'zh-CN': '医械知识产权交易所', en: 'MedIP Exchange' } as const;

/** Names and reasons come from users: keep them to one line where they meet a header. */
export const oneLine = (value: string) => value.replace(/\s+/g, ' ').trim();

export const signature = (locale: Locale) => (locale === 'zh-CN' ? `\n\n${BRAND['zh-CN']}` : `\n\n— ${BRAND.en}`);

export const subjectLine = (locale: Locale, subject: string) =>
  locale === 'zh-CN' ? `【${BRAND['zh-CN']}】${subject}` : `${subject} – ${BRAND.en}`;

const ROLE_LABELS: Record<Locale, Record<MemberRole, string>> = {
  'zh-CN': { owner: '所有者', admin: '管理员', member: '成员' },
  en: { owner: 'an owner', admin: 'an administrator', member: 'a member' },
};

const verifyEmail: Template<{ name: string; url: string }> = (locale, { name, url }) =>
  locale === 'zh-CN'
    ? {
        subject: subjectLine(locale, '请验证您的邮箱地址'),
        text:
          `${oneLine(name)}，您好：\n\n` +
          `感谢您注册${BRAND['zh-CN']}。请点击下面的链接，验证您的邮箱地址：\n\n${url}\n\n` +
          `如果您没有注册过本平台账户，请忽略本邮件。` +
          signature(locale),
      }
    : {
        subject: subjectLine(locale, 'Verify your email address'),
        text:
          `Hello ${oneLine(name)},\n\n` +
          `Thank you for signing up for ${BRAND.en}. Please confirm your email address by opening this link:\n\n${url}\n\n` +
          `If you did not create an account, you can ignore this email.` +
          signature(locale),
      };

const passwordReset: Template<{ url: string }> = (locale, { url }) =>
  locale === 'zh-CN'
    ? {
        subject: subjectLine(locale, '重置您的密码'),
        text:
          `您好：\n\n` +
          `我们收到了重置您在${BRAND['zh-CN']}的账户密码的请求。请点击下面的链接设置新密码：\n\n${url}\n\n` +
          `该链接将在 1 小时后失效。如果您没有申请重置密码，请忽略本邮件，您的密码不会被更改。` +
          signature(locale),
      }
    : {
        subject: subjectLine(locale, 'Reset your password'),
        text:
          `Hello,\n\n` +
          `We received a request to reset the password of your ${BRAND.en} account. Open this link to choose a new password:\n\n${url}\n\n` +
          `The link expires in 1 hour. If you did not ask for a password reset, you can ignore this email; your password will not change.` +
          signature(locale),
      };

const invitation: Template<{ organizationName: string; inviterName: string; url: string; role: MemberRole }> = (
  locale,
  { organizationName, inviterName, url, role },
) => {
  const organization = oneLine(organizationName);
  const inviter = oneLine(inviterName);
  return locale === 'zh-CN'
    ? {
        subject: subjectLine(locale, `${inviter}邀请您加入“${organization}”`),
        text:
          `您好：\n\n` +
          `${inviter}邀请您以${ROLE_LABELS[locale][role]}身份加入“${organization}”在${BRAND['zh-CN']}的机构账户。` +
          `请点击下面的链接接受邀请：\n\n${url}\n\n` +
          `如果您不认识邀请人，或不想加入该机构，请忽略本邮件。` +
          signature(locale),
      }
    : {
        subject: subjectLine(locale, `${inviter} invited you to join ${organization}`),
        text:
          `Hello,\n\n` +
          `${inviter} has invited you to join ${organization} on ${BRAND.en} as ${ROLE_LABELS[locale][role]}. ` +
          `Open this link to accept the invitation:\n\n${url}\n\n` +
          `If you do not know the sender or do not want to join, you can ignore this email.` +
          signature(locale),
      };
};

const organizationVerified: Template<{ organizationName: string; url: string }> = (
  locale,
  { organizationName, url },
) => {
  const organization = oneLine(organizationName);
  return locale === 'zh-CN'
    ? {
        subject: subjectLine(locale, `“${organization}”已通过认证`),
        text:
          `您好：\n\n` +
          `贵机构“${organization}”已通过${BRAND['zh-CN']}的认证。` +
          `现在，贵机构可以使用平台上需要认证的功能，例如发布技术成果、提交报价和参与竞拍（具体视机构类型而定）。\n\n` +
          `查看机构主页：\n\n${url}` +
          signature(locale),
      }
    : {
        subject: subjectLine(locale, `${organization} is now verified`),
        text:
          `Hello,\n\n` +
          `Your organization, ${organization}, has been verified by ${BRAND.en}. ` +
          `It can now use the features that require verification, such as publishing listings, making offers and bidding (depending on the type of organization).\n\n` +
          `View your organization's page:\n\n${url}` +
          signature(locale),
      };
};

const organizationRejected: Template<{ organizationName: string; reason: string; url: string }> = (
  locale,
  { organizationName, reason, url },
) => {
  const organization = oneLine(organizationName);
  return locale === 'zh-CN'
    ? {
        subject: subjectLine(locale, `“${organization}”的认证申请未通过`),
        text:
          `您好：\n\n` +
          `很抱歉，贵机构“${organization}”的认证申请未获通过，原因如下：\n\n${reason.trim()}\n\n` +
          `请根据上述意见完善机构信息后，重新提交认证申请：\n\n${url}\n\n` +
          `如有疑问，请与平台运营方联系。` +
          signature(locale),
      }
    : {
        subject: subjectLine(locale, `Verification of ${organization} was not approved`),
        text:
          `Hello,\n\n` +
          `We are sorry, but the verification request for your organization, ${organization}, was not approved for the following reason:\n\n${reason.trim()}\n\n` +
          `Please update your organization's details and submit the request again:\n\n${url}\n\n` +
          `If you have any questions, please contact the platform operator.` +
          signature(locale),
      };
};

/** A question about a listing (`first`: it opened the thread) or a later message in its thread. */
const inquiryMessage: Template<{
  listingTitle: string;
  organizationName: string;
  body: string;
  url: string;
  first: boolean;
}> = (locale, { listingTitle, organizationName, body, url, first }) => {
  const listing = oneLine(listingTitle);
  const organization = oneLine(organizationName);
  return locale === 'zh-CN'
    ? {
        subject: subjectLine(locale, first ? `“${listing}”收到新的咨询` : `“${listing}”的咨询有新消息`),
        text:
          `您好：\n\n` +
          (first
            ? `“${organization}”就贵机构发布的“${listing}”提出了咨询：`
            : `“${organization}”在关于“${listing}”的咨询中发来了新消息：`) +
          `\n\n${body.trim()}\n\n` +
          `请点击下面的链接查看并回复：\n\n${url}` +
          signature(locale),
      }
    : {
        subject: subjectLine(locale, first ? `New question about “${listing}”` : `New message about “${listing}”`),
        text:
          `Hello,\n\n` +
          (first
            ? `${organization} has asked a question about your listing “${listing}”:`
            : `${organization} has written in the conversation about “${listing}”:`) +
          `\n\n${body.trim()}\n\n` +
          `Open this link to read and reply:\n\n${url}` +
          signature(locale),
      };
};

export const mailTemplates = {
  verifyEmail,
  passwordReset,
  invitation,
  organizationVerified,
  organizationRejected,
  inquiryMessage,
};

export type MailTemplates = typeof mailTemplates;
