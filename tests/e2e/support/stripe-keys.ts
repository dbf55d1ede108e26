// The Stripe keys the browser tests' server runs with (against stripe-mock), so
// a test can sign a webhook event the way Stripe would.
export const E2E_STRIPE_SECRET_KEY = 'sk_test_medipe2e';
export const E2E_STRIPE_WEBHOOK_SECRET = 'whsec_medip_e2e';
