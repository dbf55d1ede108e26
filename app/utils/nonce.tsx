import { createContext, useContext } from 'react';

// This response's Content-Security-Policy nonce (server/http/security-headers.ts
// makes one per request). entry.server.tsx provides it; the root layout puts it
// on Remix's inline scripts. In the browser there is none to provide: React
// leaves the server-rendered nonce attributes alone during hydration.
const NonceContext = createContext<string | undefined>(undefined);

export const NonceProvider = NonceContext.Provider;

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
