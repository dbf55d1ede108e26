export { databaseStatus } from '../../server/db/connection.ts';
