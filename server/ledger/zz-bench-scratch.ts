import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import mongoose from 'mongoose';
import { startEmbeddedDatabase } from '../db/embedded.ts';

const N = Number(process.env.N ?? 10000);
const pad = (n: number) => String(n).padStart(12, '0');
const dataDir = mkdtempSync(path.join(tmpdir(), 'ledger-bench-'));
const db = await startEmbeddedDatabase({ dataDir });
await mongoose.connect(db.uri, { dbName: 'bench' });
const col = mongoose.connection.db!.collection<{ _id: string }>('entries');
const doc = (i: number) => ({
  _id: pad(i), seq: i, type: 'license_grant', dealId: `deal-${i}`, dealKey: `deal-${i}:license_grant`,
  listing: { id: '0123456789abcdef01234567', title: { zh: '旋转式血管内超声导管', en: 'Rotational intravascular ultrasound catheter' } },
  parties: { seller: { organizationId: 'a'.repeat(24), kind: 'basic_institute', name: { zh: '研究所', en: 'Institute' } },
             buyer: { organizationId: 'b'.repeat(24), kind: 'company', name: { zh: '公司', en: 'Company' } } },
  payload: { patents: [{ number: 'CN202410123456.7', jurisdiction: 'CN' }], exclusivity: 'exclusive', fieldOfUse: 'cardiology', territory: 'CN', termYears: 10 },
  amounts: { upfront: { amount: 2000000, currency: 'CNY' } }, amountsSalt: 'f'.repeat(32), publishAmounts: true,
  at: new Date(), previousHash: createHash('sha256').update(String(i - 1)).digest('hex'), hash: createHash('sha256').update(String(i)).digest('hex'),
});
let t = Date.now();
for (let i = 1; i <= N; i += 500) await col.insertMany(Array.from({ length: Math.min(500, N - i + 1) }, (_, k) => doc(i + k)));
console.log(`insert ${N}: ${Date.now() - t} ms`);
await col.createIndex({ dealKey: 1 }, { unique: true });
const time = async (label: string, run: () => Promise<unknown>) => { const s = performance.now(); const r = await run(); console.log(`${label}: ${(performance.now() - s).toFixed(0)} ms`, typeof r === 'number' ? r : ''); };
await time('one _id look-up', () => col.findOne({ _id: pad(N / 2) }));
await time('one _id look-up again', () => col.findOne({ _id: pad(N / 3) }));
await time('_id range of 100 ($gte/$lte)', async () => (await col.find({ _id: { $gte: pad(100), $lte: pad(199) } }).toArray()).length);
await time('_id range of 100 sorted desc, limit', async () => (await col.find({ _id: { $lte: pad(N) } }).sort({ _id: -1 }).limit(20).toArray()).length);
await time('_id $in of 100', async () => (await col.find({ _id: { $in: Array.from({ length: 100 }, (_, k) => pad(k + 1)) } }).toArray()).length);
await time('full scan unsorted (cursor)', async () => { let n = 0; for await (const _ of col.find({})) n++; return n; });
await time('full scan sorted by _id', async () => { let n = 0; for await (const _ of col.find({}).sort({ _id: 1 })) n++; return n; });
for (const conc of [1, 8, 32]) {
  await time(`${N} _id look-ups, ${conc} in parallel`, async () => {
    let next = 1; let n = 0;
    await Promise.all(Array.from({ length: conc }, async () => { while (next <= N) { const i = next++; if (await col.findOne({ _id: pad(i) })) n++; } }));
    return n;
  });
}
await time('20 _id look-ups in parallel (a page)', async () => (await Promise.all(Array.from({ length: 20 }, (_, k) => col.findOne({ _id: pad(N - k) })))).length);
await time('insert one more (unique dealKey index)', () => col.insertOne(doc(N + 1)));
await mongoose.disconnect();
await db.stop();
rmSync(dataDir, { recursive: true, force: true });
