import { z } from 'zod';
import { bilingualInput, safeName } from '../shared/bilingual-input.ts';
import { LOCALES, ORGANIZATION_KINDS } from '../vocabulary.ts';

// Input schemas for accounts, shared by the browser's forms (react-hook-form)
// and the server, which parses again. Pure zod: no mongoose, no secrets.
// Custom messages are locale keys (`validation.*`).

export const PASSWORD_MIN_LENGTH = 10;

/** A string field that says "required" when it is missing, not "expected string". */
const requiredString = () =>
  z.string({ error: (issue) => (issue.input === undefined ? 'validation.required' : undefined) });

const email = requiredString().trim().max(254).pipe(z.email());
const password = requiredString()
  .min(PASSWORD_MIN_LENGTH, { message: 'validation.passwordLength' })
  .max(200, { message: 'validation.passwordLength' });

/** Kinds a member may sign up as; the operator organization is created by configuration only. */
export const SIGNUP_ORGANIZATION_KINDS = ORGANIZATION_KINDS.filter((k) => k !== 'operator') as Exclude<
  (typeof ORGANIZATION_KINDS)[number],
  'operator'
>[];

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

export const regionInput = z.object({
  country: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => v || 'CN')
    .pipe(z.string().regex(/^[A-Z]{2}$/, { message: 'validation.country' })),
  province: optionalText(50),
  city: optionalText(50),
});

export const newOrganizationInput = z.object({
  name: bilingualInput(120, { singleLine: true }),
  kind: z.enum(SIGNUP_ORGANIZATION_KINDS as [string, ...string[]], { message: 'validation.chooseOne' }),
  region: regionInput.prefault({}),
});

/** `organization` is either a new one (name, kind, region) or `{ invitation }` to join one. */
const organizationChoice = z.union([z.object({ invitation: z.string().trim().min(1) }), newOrganizationInput]);

export const signupInput = z
  .object({
    email,
    password,
    name: requiredString().trim().min(1, { message: 'validation.required' }).max(100).check(safeName),
    locale: z.enum(LOCALES).optional(),
    organization: z.record(z.string(), z.unknown()).default({}),
  })
  .transform((input, ctx) => {
    // Parsed here rather than as a bare union so each field gets its own message.
    const org = input.organization;
    const schema = typeof org.invitation === 'string' && org.invitation ? organizationChoice : newOrganizationInput;
    const parsed = schema.safeParse(org);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: ['organization', ...issue.path] });
      return z.NEVER;
    }
    return { ...input, organization: parsed.data as z.output<typeof newOrganizationInput> | { invitation: string } };
  });
export type SignupInput = z.output<typeof signupInput>;

export const loginInput = z.object({
  email,
  password: requiredString().min(1, { message: 'validation.required' }).max(200),
});

export const passwordResetRequestInput = z.object({ email });
export const passwordResetInput = z.object({ token: requiredString().min(1), password });
export const apiTokenInput = z.object({
  name: requiredString().trim().min(1, { message: 'validation.required' }).max(80).check(safeName),
});
export const invitationInput = z.object({
  email: z
    .string()
    .trim()
    .max(254)
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.email().optional()),
  role: z.enum(['admin', 'member']).default('member'),
});
export const rejectOrganizationInput = z.object({
  reason: requiredString().trim().min(1, { message: 'validation.required' }).max(1000),
});
