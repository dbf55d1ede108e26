// Builds stripe-mock for the payment tests (run by .ci/run before `npm test`).
import { buildStripeMock } from './stripe-mock.ts';

console.log(`[medip] stripe-mock ready: ${buildStripeMock((line) => console.log(`[medip] ${line}`))}`);
