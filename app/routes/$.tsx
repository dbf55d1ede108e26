import { GeneralErrorBoundary } from '~/components/error-boundary';

// Any path no other route claims: a real 404 status with the friendly page.
export function loader() {
  throw new Response('Not Found', { status: 404 });
}

export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
