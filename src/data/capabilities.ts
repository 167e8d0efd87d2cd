/**
 * What a permission box lets a key do, in the vocabulary every exchange maps onto. Its own module,
 * free of zod, so that browser code (the key checker) can use it without bundling the schemas.
 */
export const capabilities = [
  'read', 'futures-trade', 'spot-trade', 'margin', 'options', 'own-transfer', 'sub-account-transfer',
  'withdraw', 'earn', 'p2p', 'copy-trading', 'sub-account-management', 'other',
] as const;
export type Capability = (typeof capabilities)[number];
