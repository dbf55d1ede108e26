import { beforeAll, expect, test } from 'vitest';
import { action as dealAction, loader as dealLoader } from '../../app/routes/deals.$id';
import { action as noticesAction, loader as noticesLoader } from '../../app/routes/notices';
import { loader as operatorDeals } from '../../app/routes/operator.deals';
import { bootstrapOperator, login } from '../../server/auth/index.ts';
import { createDeal, type DealTerms } from '../../server/deals/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';
import { createListing } from '../support/factories.ts';
import { call } from '../support/requests.ts';

// The deal pages as a browser without JavaScript uses them: plain form posts.

useTestDatabase();

type Account = Awaited<ReturnType<typeof createAccount>>;
let institute: Account;
let company: Account;
let operatorCookie: string;
let sources = 0;

beforeAll(async () => {
  [institute, company] = await Promise.all([
    createAccount({ kind: 'basic_institute', verified: true }),
    createAccount({ kind: 'company', verified: true }),
  ]);
  await bootstrapOperator('ops-deal-pages@example.com', 'operator-passphrase-1');
  const { sessionId } = await login(
    { email: 'ops-deal-pages@example.com', password: 'operator-passphrase-1' },
    { ip: '127.0.0.1', locale: 'en' },
  );
  operatorCookie = `medip_session=${sessionId}`;
});

const ASSIGNMENT: DealTerms = { dealType: 'assignment', price: { amount: 30_000_000, currency: 'CNY' } };

async function deal(priceSetBy: 'agreement' | 'listing' = 'listing') {
  const listingId = String((await createListing(institute.organizationId))._id);
  const { deal } = await createDeal({
    source: { kind: 'offer', id: `page-offer-${++sources}` },
    listingId,
    sellerOrganizationId: institute.organizationId,
    buyerOrganizationId: company.organizationId,
    terms: ASSIGNMENT,
    priceSetBy,
    createdBy: company.userId,
  });
  return deal.id;
}

const page = (id: string, cookie: string) => call(dealLoader, `/deals/${id}`, { cookie, params: { id } });
const post = (id: string, cookie: string, form: Record<string, string>) =>
  call(dealAction, `/deals/${id}`, { method: 'POST', form, cookie, params: { id } });

test('the deal page offers the operator the payment confirmation and the buyer the transfer reference', async () => {
  const id = await deal();
  const buyerView = await (await page(id, company.cookie)).json();
  expect(buyerView.paymentInstructions.reference).toBe(`MIX-${id.toUpperCase()}`);
  expect(buyerView.actions.confirmPayment).toBe(false);
  const operatorView = await (await page(id, operatorCookie)).json();
  expect(operatorView.actions.confirmPayment).toBe(true);
});

test('the deal page posts take the deal from payment to completion without JavaScript', async () => {
  const id = await deal();
  const confirmed = await post(id, operatorCookie, { intent: 'confirm_payment' });
  expect(confirmed.status).toBe(302);
  const completed = await post(id, company.cookie, { intent: 'complete' });
  expect(completed.headers.get('Location')).toBe(`/deals/${id}`);
  expect((await (await page(id, institute.cookie)).json()).deal.status).toBe('completed');
});

test("a refused step comes back as a form error in the visitor's locale (zh-CN by default)", async () => {
  const id = await deal();
  const refused = await post(id, company.cookie, { intent: 'complete' });
  expect(refused.status).toBe(409);
  expect((await refused.json()).formError).toBe('该交易当前状态不允许此操作。');
});

test('a malformed registration number comes back beside its field', async () => {
  const id = await deal();
  const refused = await post(id, company.cookie, { intent: 'registration', number: 'no spaces allowed' });
  expect(refused.status).toBe(400);
  expect((await refused.json()).fieldErrors.number).toEqual(['只能使用字母、数字和连字符。']);
});

test('the notices page lists deals in notice publicly and takes objections from signed-in visitors', async () => {
  const id = await deal('agreement');
  const anonymous = await (await call(noticesLoader, '/notices')).json();
  expect(anonymous.signedIn).toBe(false);
  expect(anonymous.notices.map((n: { id: string }) => n.id)).toContain(id);
  const outsider = await createAccount({ kind: 'company' });
  const lodged = await call(noticesAction, '/notices', {
    method: 'POST',
    form: { deal: id, text: 'The price looks far too low.' },
    cookie: outsider.cookie,
  });
  expect(await lodged.json()).toEqual({ lodged: id });
  const operatorQueue = await (await call(operatorDeals, '/operator/deals', { cookie: operatorCookie })).json();
  expect(operatorQueue.objections.map((n: { id: string }) => n.id)).toContain(id);
});

test('the operator queue is for operators only', async () => {
  const answer = await call(operatorDeals, '/operator/deals', { cookie: company.cookie });
  expect(answer.status).toBe(403);
});
