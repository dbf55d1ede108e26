import mongoose from 'mongoose';
import { can, type Actor } from '../auth/permissions.ts';
import { Organization, type OrganizationDoc } from '../orgs/index.ts';
import type { Bilingual } from '../shared/bilingual.ts';
import type { Money } from '../shared/money.ts';
import type { DealDoc, DealStatus } from './model.ts';
import { registrationStateOf, type RegistrationState } from './registration-state.ts';
import { actionsFor } from './steps.ts';
import type { DealTerms } from './terms.ts';
import { visibleDeal } from './transition.ts';

// What the technology-contract registration (技术合同登记) of a deal needs:
// contract type, parties with their unified social credit codes, contract and
// technology-transaction amounts, term and subject matter. The parties print
// it (/deals/:id/registration) or take it as CSV, register the contract, and
// record the number on the deal page.

export interface RegistrationParty {
  /** The company of an IP-for-equity deal is named in its terms, and may be no member organisation. */
  role: 'seller' | 'buyer' | 'company';
  organizationId: string | null;
  name: Bilingual;
  /** 统一社会信用代码; null: not recorded. */
  creditCode: string | null;
  /** The viewer may add this organisation's missing code (their own organisation, as its owner or an admin). */
  mayAddCreditCode: boolean;
}

export interface RegistrationData {
  contractType: Exclude<DealTerms['dealType'], 'equity'>;
  parties: RegistrationParty[];
  /** The fixed consideration the contract states (how, per type: the page's note). */
  contractAmount: Money;
  /** 技术交易额: for these deal types the whole fixed consideration is paid for the technology. */
  technologyAmount: Money;
  /** A licence's running royalty, payable on top and so in neither amount. */
  royaltyPercent: number | null;
  /** null: no term (an assignment or a contribution to a company transfers the patents for good). */
  term: { unit: 'years' | 'months'; value: number } | null;
  patents: { number: string; jurisdiction: string }[];
  signedAt: string;
  completedAt: string | null;
}

export interface RegistrationView {
  dealId: string;
  status: DealStatus;
  state: RegistrationState;
  listing: { id: string; title: Bilingual };
  /** null unless the state is `final` or `draft`. */
  data: RegistrationData | null;
  registrationNumber: string | null;
  /** The viewer may record the registration number (a party, once completed, none recorded yet). */
  mayRecordNumber: boolean;
}

/** The amount the contract states and the technology-transaction amount, per deal type (see RegistrationData). */
function amountsOf(terms: Exclude<DealTerms, { dealType: 'equity' }>): Money {
  switch (terms.dealType) {
    case 'assignment':
      return terms.price;
    case 'exclusive_license':
    case 'non_exclusive_license': {
      // The upfront fee plus the guaranteed minimum royalty of every year of the term.
      const currency = (terms.upfront ?? terms.minimumAnnual)?.currency ?? 'CNY';
      const guaranteed = (terms.minimumAnnual?.amount ?? 0) * terms.termYears;
      return { amount: (terms.upfront?.amount ?? 0) + guaranteed, currency };
    }
    case 'ip_for_equity':
      return terms.appraisedValue;
    case 'co_development':
      return terms.budget;
  }
}

function termOf(terms: Exclude<DealTerms, { dealType: 'equity' }>): RegistrationData['term'] {
  switch (terms.dealType) {
    case 'exclusive_license':
    case 'non_exclusive_license':
      return { unit: 'years', value: terms.termYears };
    case 'co_development':
      return { unit: 'months', value: terms.durationMonths };
    default:
      return null;
  }
}

async function partiesOf(actor: NonNullable<Actor>, deal: DealDoc): Promise<RegistrationParty[]> {
  const orgOf = (id: string) =>
    mongoose.isValidObjectId(id) ? Organization.findById(id).lean<OrganizationDoc>() : Promise.resolve(null);
  const [seller, buyer] = await Promise.all([orgOf(deal.seller.organization), orgOf(deal.buyer.organization)]);
  const member = (role: 'seller' | 'buyer', org: OrganizationDoc | null): RegistrationParty => {
    const party = deal[role];
    return {
      role,
      organizationId: party.organization,
      name: party.name,
      creditCode: org?.creditCode ?? null,
      mayAddCreditCode:
        !org?.creditCode && can(actor, { action: 'org:manage_profile', organizationId: party.organization }),
    };
  };
  const parties = [member('seller', seller), member('buyer', buyer)];
  if (deal.terms.dealType === 'ip_for_equity') {
    const { company } = deal.terms;
    parties.push({
      role: 'company',
      organizationId: null,
      name: { zh: company.name },
      creditCode: company.creditCode,
      mayAddCreditCode: false,
    });
  }
  return parties;
}

/** A deal's registration data, for its two organizations and the operators (anyone else: not found). */
export async function getRegistration(actor: Actor, id: string): Promise<RegistrationView> {
  const deal = await visibleDeal(actor, id);
  const state = registrationStateOf(deal);
  const terms = deal.terms;
  const data: RegistrationData | null =
    (state === 'final' || state === 'draft') && terms.dealType !== 'equity'
      ? {
          contractType: terms.dealType,
          parties: await partiesOf(actor!, deal),
          contractAmount: amountsOf(terms),
          technologyAmount: amountsOf(terms),
          royaltyPercent:
            terms.dealType === 'exclusive_license' || terms.dealType === 'non_exclusive_license'
              ? terms.royaltyPercent
              : null,
          term: termOf(terms),
          patents: deal.listing.patents,
          signedAt: deal.createdAt.toISOString(),
          completedAt: deal.completedAt?.toISOString() ?? null,
        }
      : null;
  return {
    dealId: String(deal._id),
    status: deal.status,
    state,
    listing: { id: deal.listing.id, title: deal.listing.title },
    data,
    registrationNumber: deal.registrationNumber,
    mayRecordNumber: actionsFor(actor!, deal).recordRegistration,
  };
}
