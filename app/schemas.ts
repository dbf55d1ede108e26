// The domain's input schemas that are pure zod (no mongoose), for forms that
// validate in the browser with the very schema the server parses again.
export * from '../server/auth/schemas.ts';
