// GET /api/v1/listings: the published listings, the same answer and parameters as /api/v1/search.
export { action, loader } from './api.v1.search';
