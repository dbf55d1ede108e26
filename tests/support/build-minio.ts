// Builds MinIO for the S3 storage contract tests (run by .ci/run before `npm test`).
import { buildMinio } from './minio.ts';

console.log(`[medip] MinIO ready: ${buildMinio((line) => console.log(`[medip] ${line}`))}`);
