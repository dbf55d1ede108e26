import { z } from 'zod';
import { bilingualInput } from '../shared/bilingual-input.ts';
import { moneyInput } from '../shared/money.ts';
import {
  CATEGORIES,
  CE_STATUSES,
  DEAL_TYPES,
  FDA_STATUSES,
  LISTING_KINDS,
  NMPA_CLASSES,
  PATENT_JURISDICTIONS,
  PATENT_STATUSES,
  PATENT_TYPES,
  STAGES,
} from '../vocabulary.ts';
import { normalizePatentNumber, patentNumberProblem } from './patents.ts';

// Input schemas shared by the listing forms and the JSON API; the server parses
// again whatever the browser already checked. Custom messages are locale keys
// (`validation.*`, translated by the app); built-in checks get zod's locale packs.

const isoDate = z.coerce.date();
const optionalDate = z
  .union([z.literal('').transform(() => null), isoDate])
  .nullish()
  .transform((v) => v ?? null);

export const patentInput = z
  .object({
    number: z.string().trim().min(1).transform(normalizePatentNumber),
    jurisdiction: z.enum(PATENT_JURISDICTIONS),
    type: z.enum(PATENT_TYPES),
    status: z.enum(PATENT_STATUSES),
    title: bilingualInput(300, { required: false }).optional(),
    filingDate: isoDate,
    grantDate: optionalDate,
    expiryDate: optionalDate,
    ipc: z
      .array(
        z
          .string()
          .trim()
          .regex(/^[A-H]\d{2}[A-Z] ?\d{1,4}\/\d{1,6}$/, { message: 'validation.ipc' }),
      )
      .max(20)
      .default([]),
  })
  .superRefine((p, ctx) => {
    const numberProblem = patentNumberProblem(p.jurisdiction, p.number);
    if (numberProblem === 'format') {
      ctx.addIssue({
        code: 'custom',
        path: ['number'],
        message: 'validation.patentNumber',
        params: { jurisdiction: p.jurisdiction },
      });
    } else if (numberProblem === 'checkDigit') {
      ctx.addIssue({ code: 'custom', path: ['number'], message: 'validation.patentCheckDigit' });
    }
    if (p.status === 'granted' && !p.grantDate) {
      ctx.addIssue({ code: 'custom', path: ['grantDate'], message: 'validation.grantDateRequired' });
    }
    if (p.grantDate && p.grantDate < p.filingDate) {
      ctx.addIssue({ code: 'custom', path: ['grantDate'], message: 'validation.grantBeforeFiling' });
    }
    if (p.expiryDate && p.expiryDate <= p.filingDate) {
      ctx.addIssue({ code: 'custom', path: ['expiryDate'], message: 'validation.expiryBeforeFiling' });
    }
  });

export const licenseTermsInput = z.object({
  upfront: moneyInput.nullish().transform((v) => v ?? null),
  royaltyPercent: z.coerce
    .number()
    .min(0)
    .max(100)
    .nullish()
    .transform((v) => v ?? null),
  minimumAnnual: moneyInput.nullish().transform((v) => v ?? null),
  openLicense: z.coerce.boolean().default(false),
});

export const auctionInput = z
  .object({
    reserve: moneyInput.nullish().transform((v) => v ?? null),
    startingPrice: moneyInput,
    minimumIncrement: moneyInput.refine((m) => m.amount > 0, { message: 'validation.positive', path: ['amount'] }),
    endsAt: z.coerce.date(),
  })
  .refine((a) => a.endsAt.getTime() > Date.now(), { message: 'validation.future', path: ['endsAt'] });

export const listingInput = z
  .object({
    kind: z.enum(LISTING_KINDS),
    externalId: z
      .string()
      .trim()
      .max(100)
      .regex(/^[\w.:-]+$/, { message: 'validation.externalId' })
      .nullish(),
    title: bilingualInput(200),
    summary: bilingualInput(4000),
    problem: bilingualInput(4000, { required: false }).prefault({}),
    advantages: bilingualInput(4000, { required: false }).prefault({}),
    clinicalUse: bilingualInput(4000, { required: false }).prefault({}),
    partnerSought: bilingualInput(2000, { required: false }).prefault({}),
    category: z.enum(CATEGORIES),
    nmpaClass: z.enum(NMPA_CLASSES),
    regulatory: z
      .object({ fda: z.enum(FDA_STATUSES).default('none'), ce: z.enum(CE_STATUSES).default('none') })
      .default({ fda: 'none', ce: 'none' }),
    trl: z.coerce.number().int().min(1).max(9),
    stage: z.enum(STAGES),
    patents: z.array(patentInput).max(50).default([]),
    dealTypes: z.array(z.enum(DEAL_TYPES)).min(1, { message: 'validation.chooseOne' }),
    askingPrice: moneyInput.nullish().transform((v) => v ?? null),
    licenseTerms: licenseTermsInput.nullish().transform((v) => v ?? null),
    auction: auctionInput.nullish().transform((v) => v ?? null),
    equityOffered: z
      .object({ percent: z.coerce.number().gt(0).max(100), valuation: moneyInput })
      .nullish()
      .transform((v) => v ?? null),
    confidential: z.object({ details: z.string().max(20_000).default('') }).default({ details: '' }),
  })
  .superRefine((l, ctx) => {
    if (l.kind === 'patent' && l.patents.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['patents'], message: 'validation.patentRequired' });
    }
    const licensing = l.dealTypes.some((d) => d === 'exclusive_license' || d === 'non_exclusive_license');
    if (l.licenseTerms?.openLicense && !l.dealTypes.includes('non_exclusive_license')) {
      ctx.addIssue({
        code: 'custom',
        path: ['licenseTerms', 'openLicense'],
        message: 'validation.openLicenseNonExclusive',
      });
    }
    if (l.licenseTerms && !licensing) {
      ctx.addIssue({ code: 'custom', path: ['licenseTerms'], message: 'validation.licenseTermsNeedLicense' });
    }
    if (l.dealTypes.includes('equity') && l.kind !== 'project') {
      ctx.addIssue({ code: 'custom', path: ['dealTypes'], message: 'validation.equityProjectsOnly' });
    }
    if (l.auction && !l.dealTypes.some((d) => d === 'assignment' || d === 'exclusive_license')) {
      ctx.addIssue({ code: 'custom', path: ['auction'], message: 'validation.auctionDealType' });
    }
    if (l.auction?.reserve && l.auction.reserve.amount < l.auction.startingPrice.amount) {
      ctx.addIssue({ code: 'custom', path: ['auction', 'reserve'], message: 'validation.reserveBelowStart' });
    }
  });
export type ListingInput = z.output<typeof listingInput>;

/** The operator's reason for sending a listing back to its owner. */
export const rejectionInput = z.object({
  reason: z.string().trim().min(1, { message: 'validation.required' }).max(2000),
});
export type RejectionInput = z.output<typeof rejectionInput>;
