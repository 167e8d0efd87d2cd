/** The assets XAPY moves between exchanges when it rebalances. A module of its own, free of zod, so browser code can import it. */
export const loopAssets = ['USDT', 'USDC'] as const;
