import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { E2E_DB_PORT, E2E_PORT, E2E_STRIPE_PORT } from './tests/e2e/support/ports.ts';
import { E2E_STRIPE_SECRET_KEY, E2E_STRIPE_WEBHOOK_SECRET } from './tests/e2e/support/stripe-keys.ts';

// The browser tests run the real server (built app, embedded FerretDB, demo
// data) on a fresh data directory, in Debian's Chromium, with Stripe payment
// against stripe-mock.
const port = E2E_PORT;
const dataDir = process.env.E2E_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'medip-e2e-'));

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? 'list' : [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://localhost:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  // In this order: the server gets stripe-mock's address in its environment.
  webServer: [
    {
      name: 'stripe-mock',
      command: 'tsx tests/e2e/support/stripe-mock-server.ts',
      // Any answer below 404 means it is up (401 here: no API key).
      url: `http://127.0.0.1:${E2E_STRIPE_PORT}/v1/charges`,
      timeout: 120_000,
      reuseExistingServer: false,
    },
    {
      command: 'tsx server/main.ts',
      url: `http://localhost:${port}/healthz`,
      timeout: 180_000,
      reuseExistingServer: false,
      stdout: 'pipe',
      env: {
        NODE_ENV: 'production',
        PORT: String(port),
        DATA_DIR: dataDir,
        SEED_DEMO: 'true',
        LOG_LEVEL: 'warn',
        MONGODB_URI: '',
        // The browser tests use the embedded engine, as `npm start` does; the search
        // contract suite proves Meilisearch when MEILI_HOST is set.
        MEILI_HOST: '',
        // The deals test ends a notice period by moving its end in the database; the
        // notice job then notices within a second instead of five minutes.
        DB_PORT: String(E2E_DB_PORT),
        PUBLIC_NOTICE_CHECK_SECONDS: '1',
        AUCTION_CLOSE_CHECK_SECONDS: '1',
        STRIPE_SECRET_KEY: E2E_STRIPE_SECRET_KEY,
        STRIPE_WEBHOOK_SECRET: E2E_STRIPE_WEBHOOK_SECRET,
        STRIPE_API_BASE: `http://127.0.0.1:${E2E_STRIPE_PORT}`,
      },
    },
  ],
});
