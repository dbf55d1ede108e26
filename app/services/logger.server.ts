export { logger } from '../../server/logger.ts';
