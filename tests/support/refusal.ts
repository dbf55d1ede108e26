/** A service call's domain error as plain data (null when it succeeded), to compare with toMatchObject. */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: { code: string; message: string; fieldErrors: Record<string, string[]> }) => ({
      code: e.code,
      message: e.message,
      fieldErrors: e.fieldErrors,
    }),
  );
