/**
 * Properties of the API-key checker over inputs nobody would write by hand (fast-check):
 * any JSON value or any string gives a report or a clear input error, never a throw; a secret
 * placed anywhere in the input never appears in the output.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkKeyForm, checkKeyMetadata, modes } from '../../src/rules/key-check.ts';
import { exchangeIds } from '../../src/data/index.ts';
import { fixtures, keyCtx, sample } from '../helpers/key-fixtures.ts';

const exchange = fc.constantFrom(...exchangeIds);
const mode = fc.constantFrom(...modes);
const extras = fc.record({ ips: fc.option(fc.string(), { nil: undefined }), keyIndex: fc.option(fc.integer({ min: -2, max: 4 }), { nil: undefined }), addressWhitelistConfirmed: fc.boolean() });

function wellFormed(result: ReturnType<typeof checkKeyMetadata>) {
  if (result.ok) {
    expect(['pass', 'warn', 'fail']).toContain(result.report.verdict);
    for (const f of result.report.findings) expect(f.message.length).toBeGreaterThan(0);
  } else {
    expect(result.error.length).toBeGreaterThan(20);
  }
}

describe('never a throw', () => {
  it('any JSON value as metadata', () => {
    fc.assert(fc.property(exchange, mode, fc.jsonValue(), extras, (ex, m, metadata, rest) => {
      wellFormed(checkKeyMetadata({ exchange: ex, mode: m, metadata, ...rest }, keyCtx(ex)));
    }), { numRuns: 400 });
  });

  it('any string as metadata, JSON or not', () => {
    fc.assert(fc.property(exchange, mode, fc.oneof(fc.string(), fc.json(), fc.string({ unit: 'binary' })), extras, (ex, m, metadata, rest) => {
      wellFormed(checkKeyMetadata({ exchange: ex, mode: m, metadata, ...rest }, keyCtx(ex)));
    }), { numRuns: 400 });
  });

  it('an official example with any of its values replaced by any JSON value', () => {
    const names = Object.keys(fixtures);
    fc.assert(fc.property(fc.constantFrom(...names), fc.jsonValue(), fc.nat(), mode, (name, value, pick, m) => {
      const metadata = sample(name);
      const paths = leafPaths(metadata);
      if (paths.length) setAt(metadata, paths[pick % paths.length]!, value);
      const ex = name.split('-')[0]!;
      wellFormed(checkKeyMetadata({ exchange: ex, mode: m, metadata, keyIndex: 0 }, keyCtx(ex)));
    }), { numRuns: 400 });
  });

  it('any ticks and any IP text on the form', () => {
    fc.assert(fc.property(exchange, mode, fc.array(fc.boolean(), { maxLength: 30 }), fc.string(), (ex, m, ticked, ips) => {
      wellFormed(checkKeyForm({ mode: m, ticked, ips }, keyCtx(ex)));
    }), { numRuns: 300 });
  });
});

/** A value that looks like an exchange secret: long, letters and digits. */
const secretValue = fc.tuple(fc.stringMatching(/^[A-Za-z]{6,20}$/), fc.stringMatching(/^[0-9]{2,8}$/), fc.stringMatching(/^[A-Za-z0-9]{16,30}$/))
  .map(([a, b, c]) => `${a}${b}${c}`);
const secretField = fc.constantFrom('secret', 'secretKey', 'secret_key', 'apiSecret', 'passphrase', 'passPhrase', 'privateKey', 'private_key', 'password');

describe('a secret placed anywhere never appears in the output', () => {
  const names = Object.keys(fixtures);

  it('under a secret-named field, at any depth of an official example', () => {
    fc.assert(fc.property(fc.constantFrom(...names), secretField, secretValue, fc.nat(), mode, (name, field, secret, pick, m) => {
      const metadata = sample(name);
      const objects = objectsIn(metadata);
      objects[pick % objects.length]![field] = secret;
      const ex = name.split('-')[0]!;
      for (const input of [metadata, JSON.stringify(metadata)]) {
        const out = JSON.stringify(checkKeyMetadata({ exchange: ex, mode: m, metadata: input, keyIndex: 0 }, keyCtx(ex)));
        expect(out).not.toContain(secret);
        expect(out).not.toContain(secret.slice(0, 16));
      }
    }), { numRuns: 300 });
  });

  it('as any string value of an official example, or in the pasted IP list', () => {
    fc.assert(fc.property(fc.constantFrom(...names), secretValue, fc.nat(), fc.boolean(), mode, (name, secret, pick, inIps, m) => {
      const metadata = sample(name);
      const strings = leafPaths(metadata).filter((p) => typeof getAt(metadata, p) === 'string' && !/(key|id|uid)$/i.test(String(p[p.length - 1])));
      if (!inIps && strings.length) setAt(metadata, strings[pick % strings.length]!, `x ${secret} y`);
      const ex = name.split('-')[0]!;
      const result = checkKeyMetadata({ exchange: ex, mode: m, metadata, keyIndex: 0, ips: inIps ? `192.0.2.10, ${secret}` : undefined }, keyCtx(ex));
      const out = JSON.stringify(result);
      expect(out).not.toContain(secret);
      expect(out).not.toContain(secret.slice(0, 16));
    }), { numRuns: 300 });
  });

  it('on the form path, in the IP text', () => {
    fc.assert(fc.property(exchange, secretValue, (ex, secret) => {
      const out = JSON.stringify(checkKeyForm({ mode: 'read-trade', ticked: [true], ips: `${secret}\n192.0.2.10` }, keyCtx(ex)));
      expect(out).not.toContain(secret);
      expect(out).toContain('secret-pasted');
    }), { numRuns: 100 });
  });
});

type Path = (string | number)[];
function leafPaths(v: unknown, path: Path = []): Path[] {
  if (Array.isArray(v)) return v.length ? v.flatMap((x, i) => leafPaths(x, [...path, i])) : [path];
  if (v && typeof v === 'object') {
    const entries = Object.entries(v);
    return entries.length ? entries.flatMap(([k, x]) => leafPaths(x, [...path, k])) : [path];
  }
  return [path];
}
function getAt(root: any, path: Path): unknown {
  return path.reduce((o, k) => o?.[k], root);
}
function setAt(root: any, path: Path, value: unknown) {
  if (path.length === 0) return;
  const parent = getAt(root, path.slice(0, -1)) as any;
  if (parent && typeof parent === 'object') parent[path[path.length - 1]!] = value;
}
function objectsIn(v: unknown): Record<string, unknown>[] {
  if (Array.isArray(v)) return v.flatMap(objectsIn);
  if (v && typeof v === 'object') return [v as Record<string, unknown>, ...Object.values(v).flatMap(objectsIn)];
  return [];
}
