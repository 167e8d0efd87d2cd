/**
 * Schemas for the facts in src/data. Pure: no Astro, no file system. A file that does not
 * match fails the build with a message that names the file, the field and what is expected
 * (see formatIssues in ./parse.ts).
 */
import { z } from 'zod';

const isoDate = z.iso.date({ error: 'expected a date written YYYY-MM-DD' });

export const sourceSchema = z.strictObject({
  url: z.url({ protocol: /^https$/, error: 'expected an https:// URL' }),
  title: z.string({ error: 'expected a short title for the source' }).min(3),
});

/**
 * One fact about an exchange. `value: unknown` means no official source states it; `disputed: true`
 * means official sources disagree (then `sources` lists each side and `note` says how).
 */
export function fact<T extends z.ZodType>(value: T, expected: string) {
  return z
    .strictObject({
      value: z.union([value, z.literal('unknown')], { error: `expected ${expected}, or "unknown" when no official source says` }),
      sources: z.array(sourceSchema).min(1, { error: 'expected at least one source' }),
      verified: isoDate,
      note: z.string().min(1).optional(),
      disputed: z.boolean().default(false),
    })
    .refine((f) => !f.disputed || f.sources.length >= 2, {
      error: 'a disputed fact needs the sources on each side (at least two)',
      path: ['sources'],
    })
    .refine((f) => !((f as unknown as { value: unknown }).value === 'unknown' || f.disputed) || f.note, {
      error: 'an unknown or disputed fact needs a note telling the reader what to check',
      path: ['note'],
    });
}

export type Fact<T> = {
  value: T | 'unknown';
  sources: { url: string; title: string }[];
  verified: string;
  note?: string;
  disputed: boolean;
};

export const separators = ['comma', 'newline'] as const;
export type Separator = (typeof separators)[number];

/** What happens to a key that has no IP whitelist. */
export const withoutIpSchema = z.strictObject({
  effect: z.enum(['expires', 'expires-if-inactive', 'trading-disabled', 'nothing'], {
    error: 'expected one of: expires, expires-if-inactive, trading-disabled, nothing',
  }),
  days: z.number().int().positive().optional(),
  summary: z.string().min(10, { error: 'expected a one-sentence summary for readers' }),
});

export const exchangeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a lower-case id like "okx"' }),
  name: z.string().min(2),
  website: z.url(),
  apiManagementUrl: z.url().optional(),
  ip: z.strictObject({
    maxPerKey: fact(z.number().int().positive(), 'a whole number above 0'),
    // true: IPv4 and IPv6 ranges; 'ipv4-only': ranges of IPv4 addresses only; false: single addresses only.
    cidr: fact(z.union([z.boolean(), z.literal('ipv4-only')]), 'true, false or "ipv4-only"'),
    ipv6: fact(z.boolean(), 'true or false'),
    separator: fact(z.enum(separators), '"comma" or "newline"'),
    withoutIp: fact(withoutIpSchema, 'an object with effect, days and summary'),
    withdrawRequiresIp: fact(z.boolean(), 'true or false'),
  }),
});
export type Exchange = z.infer<typeof exchangeSchema>;

export const serversSchema = z
  .strictObject({
    status: z.enum(['example', 'published'], { error: 'expected "example" or "published"' }),
    updated: isoDate,
    note: z.string().optional(),
    servers: z
      .array(
        z.strictObject({
          address: z.string({ error: 'expected an IP address as text' }),
          label: z.string().min(1, { error: 'expected a label, e.g. "Frankfurt 1"' }),
        }),
      )
      .min(1, { error: 'expected at least one server' }),
  });
export type Servers = z.infer<typeof serversSchema>;
