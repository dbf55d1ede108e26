import mongoose from 'mongoose';
import { ApiToken, createApiToken, revokeApiToken, userIdForApiToken, type Actor } from '../../server/auth/index.ts';
import { createAccount } from '../support/accounts.ts';
import { useTestDatabase } from '../support/database.ts';

// MongoDB's single-document atomicity, checked on whichever database the run
// uses. On the embedded FerretDB it holds only because the launcher's proxy
// serialises write commands (decision 003); without it these fail.

useTestDatabase();

const collection = (name: string) => mongoose.connection.collection(name);

test('50 parallel $inc on one document count 50', async () => {
  const counters = collection('atomicity_counters');
  const { insertedId } = await counters.insertOne({ n: 0 });

  await Promise.all(Array.from({ length: 50 }, () => counters.updateOne({ _id: insertedId }, { $inc: { n: 1 } })));

  expect((await counters.findOne({ _id: insertedId }))?.n).toBe(50);
});

test('a guarded findOneAndUpdate has exactly one winner among 20 parallel callers', async () => {
  const jobs = collection('atomicity_jobs');
  const { insertedId } = await jobs.insertOne({ state: 'open', takenBy: null });

  const results = await Promise.all(
    Array.from({ length: 20 }, (_, caller) =>
      jobs.findOneAndUpdate({ _id: insertedId, state: 'open' }, { $set: { state: 'taken', takenBy: caller } }),
    ),
  );

  const winners = results.flatMap((doc, caller) => (doc ? [caller] : []));
  expect(winners).toHaveLength(1);
  expect(await jobs.findOne({ _id: insertedId })).toMatchObject({ state: 'taken', takenBy: winners[0] });
});

test('a revoke racing token use always sticks', async () => {
  const { userId, organizationId } = await createAccount({ kind: 'company' });
  const actor: Actor = {
    userId,
    organizationId,
    organizationKind: 'company',
    organizationVerified: false,
    role: 'owner',
  };

  // Count the races the revoke lost, so a failure says how often it happens.
  let lost = 0;
  for (let race = 0; race < 40; race++) {
    const { token, apiToken } = await createApiToken(actor, { name: `race ${race}` }, 'session');
    const [, revoke] = await Promise.allSettled([userIdForApiToken(token), revokeApiToken(actor, apiToken.id)]);

    const stored = await ApiToken.findById(apiToken.id).lean();
    if (revoke.status === 'rejected' || !stored?.revokedAt || (await userIdForApiToken(token)) !== null) lost++;
  }

  expect(lost).toBe(0);
});
