// GET /stats.json: the figures as GET /api/v1/stats answers them, linked from /stats.
export { action, loader } from './api.v1.stats';
