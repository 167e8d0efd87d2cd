/** Every exchange's key-metadata adapter, by exchange id. */
import { binance } from './binance.ts';
import { bitget } from './bitget.ts';
import { bybit } from './bybit.ts';
import { coinex } from './coinex.ts';
import { gate } from './gate.ts';
import { htx } from './htx.ts';
import { kucoin } from './kucoin.ts';
import { okx } from './okx.ts';
import type { KeyAdapter } from './common.ts';

export const adapters: Record<string, KeyAdapter> = { binance, bitget, bybit, coinex, gate, htx, kucoin, okx };
export type { KeyAdapter };
