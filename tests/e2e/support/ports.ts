// Where the browser tests' server listens, and its embedded database (fixed, so
// a test can move a deal's clock: see support/deals.ts).
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3210);
export const E2E_DB_PORT = Number(process.env.E2E_DB_PORT ?? E2E_PORT + 1);
// stripe-mock, which the server reaches as STRIPE_API_BASE (see stripe-mock-server.ts).
export const E2E_STRIPE_PORT = Number(process.env.E2E_STRIPE_PORT ?? E2E_PORT + 2);
