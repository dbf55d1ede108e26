import { existsSync } from 'node:fs';

// Imported first by every entry point: a local .env file (see .env.example)
// fills in variables the real environment leaves unset.
if (existsSync('.env')) process.loadEnvFile('.env');
