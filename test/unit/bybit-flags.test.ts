/**
 * Bybit's current key-information example lists Bybit Pay as FiatBitPay: ["FaitPayOrder"] (Bybit's
 * spelling) and Bybit Card as BitCard: ["BitCard"]. The adapter reads both as known permissions.
 */
import { describe, expect, it } from 'vitest';
import { bybit } from '../../src/rules/adapters/bybit.ts';
import { fixtures, sample } from '../helpers/key-fixtures.ts';

describe(`Bybit permission names: ${fixtures['bybit-query-api-current']!.source}`, () => {
  const readWrite = () => {
    const key = sample('bybit-query-api-current').result;
    key.readOnly = 0;
    return key;
  };

  it('knows every permission in the current example, FaitPayOrder and BitCard included', () => {
    const p = bybit.toProfile(readWrite());
    expect(p.unknownFlags).toEqual([]);
    const on = p.flags.filter((f) => f.on).map((f) => f.name);
    expect(on).toEqual(expect.arrayContaining(['FiatBitPay.FaitPayOrder', 'BitCard.BitCard']));
  });

  it('reports the names Bybit does not use as unknown', () => {
    const key = readWrite();
    key.permissions.FiatBitPay = ['FiatBitPayOrder'];
    key.permissions.BitCard = ['QueryCardInfo'];
    expect(bybit.toProfile(key).unknownFlags).toEqual(['FiatBitPay.FiatBitPayOrder', 'BitCard.QueryCardInfo']);
  });
});
