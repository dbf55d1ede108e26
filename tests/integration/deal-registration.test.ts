import { beforeAll, expect, test } from 'vitest';
import { action as accountAction, loader as accountPage } from '../../app/routes/account._index';
import { loader as registrationPage } from '../../app/routes/deals.$id_.registration';
import { loader as registrationCsv } from '../../app/routes/deals.$id_.registration[.]csv';
import { bothLanguages, registrationRows } from '../../app/components/deals/registration-fields';
import { bootstrapOperator, loadAuthenticatedUser, login } from '../../server/auth/index.ts';
import type { Actor } from '../../server/auth/permissions.ts';
import {
  completeDeal,
  confirmPayment,
  createDeal,
  type DealTerms,
  type RegistrationView,
} from '../../server/deals/index.ts';
import { Organization, setCreditCode } from '../../server/orgs/index.ts';
import { createMember, type Member } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';

// Item 6 of the deals issue: the data a deal's technology-contract
// registration (技术合同登记) needs, as a bilingual page and a CSV.

useTestDatabase();

type Account = Member;
const member = (kind: string) => createMember({ kind });

let institute: Account;
let company: Account;
let investor: Account;
let outsider: Account;
let operator: NonNullable<Actor>;
let operatorCookie: string;
let sources = 0;

const INSTITUTE_CODE = '91350100M000100Y43';

beforeAll(async () => {
  [institute, company, investor, outsider] = await Promise.all([
    member('basic_institute'),
    member('company'),
    member('investor'),
    member('company'),
  ]);
  await bootstrapOperator('ops-registration@example.com', 'operator-passphrase-1');
  const { sessionId, userId } = await login(
    { email: 'ops-registration@example.com', password: 'operator-passphrase-1' },
    { ip: '127.0.0.1', locale: 'en' },
  );
  operatorCookie = `medip_session=${sessionId}`;
  operator = (await loadAuthenticatedUser(userId))!.actor!;
  await Organization.updateOne({ _id: institute.organizationId }, { $set: { creditCode: INSTITUTE_CODE } });
});

const CNY = (amount: number) => ({ amount, currency: 'CNY' as const });
const ASSIGNMENT: DealTerms = { dealType: 'assignment', price: CNY(30_000_000) };
const LICENCE: DealTerms = {
  dealType: 'exclusive_license',
  upfront: CNY(1_000_000),
  royaltyPercent: 3,
  minimumAnnual: CNY(500_000),
  territory: 'CN',
  fieldOfUse: 'Coronary imaging',
  termYears: 5,
};
const CO_DEVELOPMENT: DealTerms = {
  dealType: 'co_development',
  budget: CNY(2_000_000),
  buyerIpSharePercent: 50,
  durationMonths: 18,
};
const IP_FOR_EQUITY: DealTerms = {
  dealType: 'ip_for_equity',
  appraisedValue: CNY(800_000_000),
  appraiser: '苏州资产评估有限公司',
  appraisalReport: 'SZPG-2026-017',
  stakePercent: 20,
  company: { name: '苏州超声医疗科技有限公司', creditCode: '91110000600037341L' },
};
const EQUITY: DealTerms = { dealType: 'equity', amount: CNY(5_000_000), postMoneyValuation: CNY(50_000_000) };

async function newDeal(terms: DealTerms, { buyer = company, listing = {} as Record<string, unknown> } = {}) {
  const listingId = String((await createListing(institute.organizationId, listing))._id);
  const { deal } = await createDeal({
    source: { kind: 'offer', id: `registration-offer-${++sources}` },
    listingId,
    sellerOrganizationId: institute.organizationId,
    buyerOrganizationId: buyer.organizationId,
    terms,
    priceSetBy: 'listing',
    createdBy: buyer.userId,
  });
  return deal.id;
}

async function completed(terms: DealTerms, options: Parameters<typeof newDeal>[1] = {}) {
  const id = await newDeal(terms, options);
  if (terms.dealType !== 'ip_for_equity') await confirmPayment(operator, id);
  await completeDeal(institute.actor, id);
  return id;
}

const page = (id: string, cookie: string) =>
  call(registrationPage, `/deals/${id}/registration`, { cookie, params: { id } });
const view = async (id: string, cookie = company.cookie): Promise<RegistrationView> => (await page(id, cookie)).json();
const csv = (id: string, cookie: string) =>
  call(registrationCsv, `/deals/${id}/registration.csv`, { cookie, params: { id } });

test('a completed assignment yields final registration data: type, parties with codes, amounts, patents', async () => {
  const id = await completed(ASSIGNMENT);
  const { state, data } = await view(id);
  expect(state).toBe('final');
  expect(data).toMatchObject({
    contractType: 'assignment',
    contractAmount: CNY(30_000_000),
    technologyAmount: CNY(30_000_000),
    royaltyPercent: null,
    term: null,
    patents: [{ number: 'CN202410123456.0', jurisdiction: 'CN' }],
  });
  expect(data!.parties.map((p) => [p.role, p.organizationId, p.creditCode])).toEqual([
    ['seller', institute.organizationId, INSTITUTE_CODE],
    ['buyer', company.organizationId, null],
  ]);
});

test("a missing credit code is offered for adding only to its own organisation's owner", async () => {
  const id = await completed(ASSIGNMENT);
  const asBuyer = await view(id, company.cookie);
  expect(asBuyer.data!.parties.map((p) => p.mayAddCreditCode)).toEqual([false, true]);
  const asSeller = await view(id, institute.cookie);
  expect(asSeller.data!.parties.map((p) => p.mayAddCreditCode)).toEqual([false, false]);
});

test("a licence's contract amount is the upfront fee plus the minimum royalty of every year of its term", async () => {
  const id = await newDeal(LICENCE);
  await confirmPayment(operator, id);
  const { state, data } = await view(id);
  // Paid, not yet completed: the data is a draft.
  expect(state).toBe('draft');
  expect(data).toMatchObject({
    contractType: 'exclusive_license',
    contractAmount: CNY(3_500_000),
    technologyAmount: CNY(3_500_000),
    royaltyPercent: 3,
    term: { unit: 'years', value: 5 },
  });
});

test('co-development states its budget and its duration in months', async () => {
  const id = await completed(CO_DEVELOPMENT);
  expect((await view(id)).data).toMatchObject({
    contractType: 'co_development',
    contractAmount: CNY(2_000_000),
    technologyAmount: CNY(2_000_000),
    term: { unit: 'months', value: 18 },
  });
});

test('IP for equity awaiting completion is a draft at the appraised value, naming the company with its code', async () => {
  const id = await newDeal(IP_FOR_EQUITY);
  const { state, data } = await view(id);
  expect(state).toBe('draft');
  expect(data!.contractAmount).toEqual(CNY(800_000_000));
  expect(data!.technologyAmount).toEqual(CNY(800_000_000));
  expect(data!.parties.at(-1)).toEqual({
    role: 'company',
    organizationId: null,
    name: { zh: '苏州超声医疗科技有限公司' },
    creditCode: '91110000600037341L',
    mayAddCreditCode: false,
  });
});

test('an equity investment is no technology contract: no data, and no CSV', async () => {
  const listing = { kind: 'project', dealTypes: ['equity'] };
  const id = await completed(EQUITY, { buyer: investor, listing });
  const answer = await view(id, investor.cookie);
  expect(answer.state).toBe('not_technology_contract');
  expect(answer.data).toBeNull();
  expect((await csv(id, investor.cookie)).status).toBe(404);
});

test('a deal still awaiting payment has no registration data yet', async () => {
  const id = await newDeal(ASSIGNMENT);
  const answer = await view(id);
  expect(answer.state).toBe('unavailable');
  expect(answer.data).toBeNull();
});

test('only the two parties and the operators see it; another organisation gets 404 for the page and the CSV', async () => {
  const id = await completed(ASSIGNMENT);
  expect((await page(id, outsider.cookie)).status).toBe(404);
  expect((await csv(id, outsider.cookie)).status).toBe(404);
  for (const cookie of [institute.cookie, company.cookie, operatorCookie]) {
    expect((await page(id, cookie)).status).toBe(200);
  }
  for (const bad of ['not-an-id', '{"$ne":1}', '0123456789abcdef01234567']) {
    expect((await page(bad, company.cookie)).status).toBe(404);
  }
});

test('a signed-out visitor is sent to log in', async () => {
  const id = await completed(ASSIGNMENT);
  const answer = await call(registrationPage, `/deals/${id}/registration`, { params: { id } });
  expect(answer.status).toBe(302);
  expect(answer.headers.get('Location')).toMatch(/^\/login\?redirectTo=/);
});

test('the rows are in Chinese and English side by side', async () => {
  const id = await completed(ASSIGNMENT);
  const registration = await view(id);
  const rows = registrationRows(registration, registration.data!, bothLanguages());
  expect(rows.find((r) => r.key === 'contract_type')).toEqual({
    key: 'contract_type',
    label: { zh: '合同类型', en: 'Contract type' },
    value: { zh: '技术转让（专利权转让）', en: 'Technology transfer (patent assignment)' },
  });
  expect(rows.find((r) => r.key === 'buyer_credit_code')!.value).toEqual({ zh: '未填写', en: 'Not recorded' });
  expect(rows.find((r) => r.key === 'patent_1')!.value).toEqual({
    zh: 'CN202410123456.0（CN）',
    en: 'CN202410123456.0 (CN)',
  });
});

test('the CSV is UTF-8 with a byte-order mark, bilingual, private and safe to open in a spreadsheet', async () => {
  const id = await completed(ASSIGNMENT, {
    listing: { title: { zh: '=HYPERLINK("http://evil.example","点击")', en: '+SUM(A1:A2)' } },
  });
  const answer = await csv(id, company.cookie);
  expect(answer.status).toBe(200);
  expect(answer.headers.get('Content-Type')).toBe('text/csv; charset=utf-8');
  expect(answer.headers.get('Cache-Control')).toBe('private, no-store');
  const bytes = new Uint8Array(await answer.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
  expect(lines[0]).toBe('key,项目,Item,内容,Content');
  expect(lines).toContain(
    'contract_type,合同类型,Contract type,技术转让（专利权转让）,Technology transfer (patent assignment)',
  );
  expect(lines).toContain(
    `seller_credit_code,让与方统一社会信用代码,Assignor: unified social credit code,${INSTITUTE_CODE},${INSTITUTE_CODE}`,
  );
  expect(lines).toContain(
    `subject,标的（项目名称）,Subject matter (listing title),"'=HYPERLINK(""http://evil.example"",""点击"")",'+SUM(A1:A2)`,
  );
});

test("an organisation's owner records its credit code on the account page; a wrong check character is refused", async () => {
  const owner = await member('company');
  const post = (creditCode: string) =>
    call(accountAction, '/account', {
      method: 'POST',
      form: { intent: 'credit-code', creditCode },
      cookie: owner.cookie,
    });
  const refused = await post('91110000600037341A');
  expect(refused.status).toBe(400);
  // In the visitor's locale: zh-CN by default.
  expect((await refused.json()).fieldErrors.creditCode).toEqual(['校验码不符，请核对统一社会信用代码。']);
  expect((await Organization.findById(owner.organizationId).lean())!.creditCode).toBeNull();
  expect((await post('91110000600037341l')).status).toBe(200);
  const account = await (await call(accountPage, '/account', { cookie: owner.cookie })).json();
  expect(account.creditCode).toBe('91110000600037341L');
  expect(account.mayEditOrganization).toBe(true);
});

test('a plain member may not change the credit code', async () => {
  const owner = await member('company');
  const memberActor: NonNullable<Actor> = { ...owner.actor, role: 'member' };
  await expect(setCreditCode(memberActor, { creditCode: INSTITUTE_CODE })).rejects.toMatchObject({ code: 'forbidden' });
  expect((await Organization.findById(owner.organizationId).lean())!.creditCode).toBeNull();
});
