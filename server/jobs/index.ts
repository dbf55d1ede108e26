// The jobs module: the only file other modules import.
export {
  registerJob,
  isJobRegistered,
  unregisterJob,
  listJobs,
  startJobs,
  stopJobs,
  runJobNow,
  type JobDefinition,
} from './scheduler.ts';
export { registerBuiltinJobs, BUILTIN_JOBS } from './builtin.ts';
