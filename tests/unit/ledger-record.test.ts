import { can } from '../../server/auth/permissions.ts';
import {
  canonicalJson,
  GENESIS_HASH,
  recordOf,
  sealEntry,
  slotId,
  type EntryContent,
} from '../../server/ledger/record.ts';
import { ledgerAppendInput } from '../../server/ledger/schemas.ts';

// The chain format of decision 006. Expected canonical texts and hashes were
// written out by hand and hashed with Python's hashlib, not by this code.

const content: EntryContent = {
  type: 'ip_assignment',
  dealId: 'deal-1',
  listing: { id: '0123456789abcdef01234567', title: { zh: '旋转式血管内超声导管', en: 'Rotational IVUS catheter' } },
  parties: {
    seller: { organizationId: 'aaaaaaaaaaaaaaaaaaaaaaaa', kind: 'basic_institute', name: { zh: '苏州医工所' } },
    buyer: { organizationId: 'bbbbbbbbbbbbbbbbbbbbbbbb', kind: 'company', name: { en: 'Suzhou Medical' } },
  },
  payload: { patents: [{ number: 'CN202410123456.7', jurisdiction: 'CN' }] },
  amounts: { price: { amount: 50_000_000, currency: 'CNY' } },
  amountsSalt: '00112233445566778899aabbccddeeff',
  publishAmounts: false,
  at: new Date('2026-03-01T08:30:00.000Z'),
};

const validInput = {
  type: 'ip_assignment',
  dealId: 'deal-1',
  listing: content.listing,
  parties: content.parties,
  payload: content.payload,
  amounts: content.amounts,
  publishAmounts: false,
} as const;

test('canonical JSON sorts keys by UTF-16 code units, without whitespace (RFC 8785 §3.2.3)', () => {
  const value = {
    '\u20ac': 'Euro Sign',
    '\r': 'Carriage Return',
    '\ufb33': 'Hebrew Letter Dalet With Dagesh',
    '1': 'One',
    '\ud83d\ude00': 'Emoji: Grinning Face',
    '\u0080': 'Control',
    '\u00f6': 'Latin Small Letter O With Diaeresis',
  };
  expect(canonicalJson(value)).toBe(
    '{"\\r":"Carriage Return","1":"One","\u0080":"Control","\u00f6":"Latin Small Letter O With Diaeresis",' +
      '"\u20ac":"Euro Sign","\ud83d\ude00":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
  );
});

test("an entry's record replaces the amounts by the SHA-256 of {amounts, salt} and gives the time in ISO form", () => {
  const record = recordOf({ ...content, format: 'medip-ledger/1', seq: 1, previousHash: GENESIS_HASH });
  expect(record.amountsDigest).toBe('dd26fe79991bb8ba45f3ce0aa5addc723cc1a13c8fc1b11c171d5ef43f7002c4');
  expect(canonicalJson(record)).toBe(
    '{"amountsDigest":"dd26fe79991bb8ba45f3ce0aa5addc723cc1a13c8fc1b11c171d5ef43f7002c4",' +
      '"at":"2026-03-01T08:30:00.000Z","dealId":"deal-1","format":"medip-ledger/1",' +
      '"listing":{"id":"0123456789abcdef01234567","title":{"en":"Rotational IVUS catheter","zh":"旋转式血管内超声导管"}},' +
      '"parties":{"buyer":{"kind":"company","name":{"en":"Suzhou Medical"},"organizationId":"bbbbbbbbbbbbbbbbbbbbbbbb"},' +
      '"seller":{"kind":"basic_institute","name":{"zh":"苏州医工所"},"organizationId":"aaaaaaaaaaaaaaaaaaaaaaaa"}},' +
      '"payload":{"patents":[{"jurisdiction":"CN","number":"CN202410123456.7"}]},' +
      '"previousHash":"0000000000000000000000000000000000000000000000000000000000000000",' +
      '"publishAmounts":false,"seq":1,"type":"ip_assignment"}',
  );
});

test("an entry's hash is the SHA-256 of its record's canonical JSON, and the first links to 64 zeros", () => {
  const entry = sealEntry(content, 1, GENESIS_HASH);
  expect(entry.previousHash).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  expect(entry.hash).toBe('bc07f5aa0d10a880def83e5e21b81c05b57b588c77e83941874b215b093a1469');
});

test('slots are twelve-digit ids, so they sort as text in sequence order', () => {
  expect(sealEntry(content, 42, GENESIS_HASH)._id).toBe('000000000042');
  expect([slotId(10), slotId(9), slotId(100)].sort()).toEqual(['000000000009', '000000000010', '000000000100']);
});

test('an amount that is not a whole number of minor units is refused', () => {
  const input = { ...validInput, amounts: { price: { amount: 500.5, currency: 'CNY' } } };
  expect(ledgerAppendInput.safeParse(input).success).toBe(false);
});

test('a deal id containing a colon (the claim key separator) is refused', () => {
  expect(ledgerAppendInput.safeParse({ ...validInput, dealId: 'deal:1' }).success).toBe(false);
});

test('a party name with a lone surrogate (which has no canonical form) is refused', () => {
  const seller = { ...content.parties.seller, name: { en: 'Broken \ud800 name' } };
  expect(ledgerAppendInput.safeParse({ ...validInput, parties: { ...content.parties, seller } }).success).toBe(false);
});

test('a field outside the format is refused rather than stored unhashed', () => {
  expect(ledgerAppendInput.safeParse({ ...validInput, note: 'x' }).success).toBe(false);
  expect(ledgerAppendInput.safeParse({ ...validInput, payload: { ...validInput.payload, note: 'x' } }).success).toBe(
    false,
  );
});

test('each type requires its own amounts: a license records its upfront fee, not a price', () => {
  const license = {
    ...validInput,
    type: 'license_grant',
    payload: { patents: [], exclusivity: 'exclusive', fieldOfUse: 'Cardiology', territory: 'CN', termYears: 10 },
  };
  expect(ledgerAppendInput.safeParse(license).success).toBe(false);
  const upfront = { upfront: { amount: 2_000_000, currency: 'CNY' } };
  expect(ledgerAppendInput.safeParse({ ...license, amounts: upfront }).success).toBe(true);
});

test('a stake is whole basis points between 0.01 % and 100 %', () => {
  const equity = { ...validInput, type: 'equity_investment', amounts: { investment: { amount: 1, currency: 'CNY' } } };
  expect(ledgerAppendInput.safeParse({ ...equity, payload: { stakeBasisPoints: 1250 } }).success).toBe(true);
  expect(ledgerAppendInput.safeParse({ ...equity, payload: { stakeBasisPoints: 12.5 } }).success).toBe(false);
  expect(ledgerAppendInput.safeParse({ ...equity, payload: { stakeBasisPoints: 10_001 } }).success).toBe(false);
});

test('everyone may view the ledger, signed in or not', () => {
  expect(can(null, { action: 'ledger:view' })).toBe(true);
  const member = {
    userId: 'cccccccccccccccccccccccc',
    organizationId: 'aaaaaaaaaaaaaaaaaaaaaaaa',
    organizationKind: 'company',
    organizationVerified: false,
    role: 'member',
  } as const;
  expect(can(member, { action: 'ledger:view' })).toBe(true);
});
