// Runs stripe-mock on E2E_STRIPE_PORT for the browser tests' server: the first
// of Playwright's webServers. Not a globalSetup: Playwright starts its
// webServers before globalSetup, and the server needs stripe-mock's fixed port
// in its environment. Playwright ends it by killing its process group.
import { startStripeMock } from '../../support/stripe-mock.ts';
import { E2E_STRIPE_PORT } from './ports.ts';

const stripeMock = await startStripeMock({ port: E2E_STRIPE_PORT });
console.log(`[medip] stripe-mock at ${stripeMock.apiBase}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void stripeMock.stop().then(() => process.exit(0)));
}
