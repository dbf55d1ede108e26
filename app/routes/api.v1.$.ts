import { problem } from '~/utils/http.server';

// Unknown API paths answer in the API's own format, not with the HTML 404 page.
const notFound = () => problem(404, 'Not Found', { detail: 'No such API endpoint.' });
export const loader = notFound;
export const action = notFound;
