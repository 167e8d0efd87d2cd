/**
 * Schemas for the facts in src/data. Pure: no Astro, no file system. A file that does not
 * match fails the build with a message that names the file, the field and what is expected
 * (see formatIssues in ./parse.ts).
 */
import { z } from 'zod';
import { loopAssets } from './assets.ts';

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

import { capabilities } from './capabilities.ts';
export { capabilities, type Capability } from './capabilities.ts';

/** Whether a box must be ticked, must stay unticked, or does not matter, at one permission level. */
export const tickRules = ['tick', 'leave-off', 'either'] as const;

const sourceList = z.array(sourceSchema).min(1, { error: 'expected at least one source' });

export const permissionSchema = z.strictObject({
  /** The box's label as the exchange's key form shows it. */
  label: z.string().min(1),
  /** Where the box sits on the form, when the form groups boxes (e.g. "Futures", "Wallet"). */
  group: z.string().optional(),
  capabilities: z.array(z.enum(capabilities, { error: `expected one of: ${capabilities.join(', ')}` })).min(1),
  readTrade: z.enum(tickRules, { error: 'expected tick, leave-off or either' }),
  readWrite: z.enum(tickRules, { error: 'expected tick, leave-off or either' }),
  /**
   * How the key checker rates this box when it is on in a mode whose rule is leave-off: "error"
   * (the key must not have it, e.g. withdrawals in Read + Trade) or "warning" (it should go).
   * Needed on every box that is leave-off in some mode.
   */
  whenOn: z.enum(['error', 'warning'], { error: 'expected error or warning' }).optional(),
  /** What the box lets XAPY (or anyone holding the key) do, in a sentence. */
  explanation: z.string().min(10),
  /** Field name or code in the exchange's key-metadata response, when there is one. */
  apiName: z.string().optional(),
}).refine((b) => b.whenOn !== undefined || (b.readTrade !== 'leave-off' && b.readWrite !== 'leave-off'), {
  error: 'a box that is leave-off in some mode needs whenOn (error or warning): how the key checker rates it when it is on',
  path: ['whenOn'],
});

export const keyTypeSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(2),
});

export const pitfallSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, { error: 'expected a kebab-case id (it becomes the anchor)' }),
  title: z.string().min(5),
  text: z.string().min(20),
  sources: sourceList,
  verified: isoDate,
});

export const errorKinds = ['ip', 'permission', 'invalid-key', 'expired-key', 'signature', 'passphrase', 'futures-account', 'other'] as const;

export const errorCodeSchema = z.strictObject({
  /** The code exactly as the exchange returns it (number or label). */
  code: z.union([z.string().min(1), z.number()]).transform(String),
  /** The message as published, quoted verbatim. */
  message: z.string().min(1),
  kind: z.enum(errorKinds, { error: `expected one of: ${errorKinds.join(', ')}` }),
  cause: z.string().min(10),
  fix: z.string().min(10),
  sources: sourceList,
  verified: isoDate,
  /** true when the code is read from a secondary source (SDK, mirror) rather than the exchange's own docs. */
  secondary: z.boolean().default(false),
});

export const keySchema = z.strictObject({
  /** Menu path to the API-management page, in the exchange's own words. */
  webPath: fact(z.string().min(5), 'the menu path as text'),
  appPath: fact(z.string().min(5), 'the menu path as text'),
  keyTypes: fact(
    z.strictObject({ options: z.array(keyTypeSchema).min(1), recommended: z.string(), why: z.string().min(10) }),
    'an object with options, recommended and why',
  ),
  passphrase: fact(z.boolean(), 'true or false'),
  /** The endpoint that reports a key's own permissions and IPs; null when the exchange has none. */
  metadataEndpoint: fact(
    z.union([z.strictObject({ method: z.enum(['GET', 'POST']), path: z.string().startsWith('/'), note: z.string().optional() }), z.null()]),
    'an object with method and path, or null when the exchange has no such endpoint',
  ),
  /** Whether withdrawals are possible from sub-account keys; false = master account only. */
  subAccountCanWithdraw: fact(z.boolean(), 'true or false'),
  permissions: fact(z.array(permissionSchema).min(1), 'a list of the boxes on the key form'),
});

export { loopAssets };

/** Which networks an exchange supports for one asset, by network id from src/data/networks.yaml. */
const networkSupport = z.strictObject({
  deposit: z.array(z.string().regex(/^[a-z0-9-]+$/)),
  withdraw: z.array(z.string().regex(/^[a-z0-9-]+$/)),
});

/** Whether an exchange keeps API withdrawals to the whitelist: always, only while its switch is on, or not at all. */
export const apiLimits = ['always', 'when-switch-on', 'no'] as const;
export type ApiLimit = (typeof apiLimits)[number];

/** How withdrawals to whitelisted addresses work on one exchange (the "closed loop" guide and checker). */
export const withdrawalSchema = z.strictObject({
  /** Menu path to the withdrawal address book, in the exchange's own words. */
  addressBookPath: fact(z.string().min(5), 'the menu path as text'),
  /** The switch that blocks withdrawals to addresses not on the list; null when the exchange has none. */
  whitelistOnlySwitch: fact(z.union([z.strictObject({ label: z.string().min(3) }), z.null()]), 'an object with the switch label, or null'),
  /**
   * Where a key with withdrawal permission can send funds: `always` only to the saved / verified list,
   * whatever the account settings; `when-switch-on` only while the exchange's whitelist-only switch
   * (whitelistOnlySwitch) is on, anywhere otherwise; `no` anywhere. Every sentence about where a
   * Read-Write key can send funds is rendered from this fact (see apiLimitText in ./describe.ts).
   */
  apiLimitedToWhitelist: fact(z.enum(apiLimits), `one of: ${apiLimits.join(', ')}`),
  /** Whether API keys use a whitelist of their own, separate from the web address book (CoinEx). */
  separateApiWhitelist: fact(z.boolean(), 'true or false'),
  /** A hold on newly added addresses before they can be used. */
  newAddressDelay: fact(z.strictObject({ hours: z.number().nonnegative(), summary: z.string().min(10) }), 'an object with hours and summary'),
  /** Networks supported per asset. Exchanges change these often; the checker treats them as the documented state. */
  networks: fact(z.record(z.enum(loopAssets), networkSupport), 'an object keyed by USDT / USDC with deposit and withdraw network ids'),
});

export const networkSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(2),
  /** Labels exchanges use for this network, e.g. "TRC20", "BEP20(BSC)"; matched case-insensitively. */
  aliases: z.array(z.string().min(2)).min(1),
  /** The address family, which decides how an address is validated. */
  format: z.enum(['evm', 'tron', 'solana', 'bitcoin', 'other']),
  /** Whether exchange deposit addresses on this network come with a memo or tag. */
  memo: z.enum(['required', 'none', 'depends']),
  note: z.string().optional(),
});
export type Network = z.infer<typeof networkSchema>;
export const networksFileSchema = z.strictObject({ networks: z.array(networkSchema).min(1) });

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
    /** The IP option's label on the key form, in the exchange's words, when it is known. */
    formLabel: fact(z.string().min(3), 'the label as text').optional(),
  }),
  key: keySchema,
  pitfalls: z.array(pitfallSchema).default([]),
  errors: z.array(errorCodeSchema).default([]),
  withdrawal: withdrawalSchema.optional(),
});
export type Exchange = z.infer<typeof exchangeSchema>;

const serverAddress = z.string({ error: 'expected an IP address as text, e.g. 203.0.113.7' });

/** One dated change of XAPY's server list: the addresses added and removed that day, and why. */
export const serverChangeSchema = z
  .strictObject({
    date: isoDate,
    added: z.array(serverAddress, { error: 'expected a list of the addresses added, e.g. [203.0.113.7]' }).default([]),
    removed: z.array(serverAddress, { error: 'expected a list of the addresses removed, e.g. [203.0.113.7]' }).default([]),
    note: z.string({ error: 'expected one sentence that says why the list changed' }).min(1, { error: 'expected one sentence that says why the list changed, or no note at all' }).optional(),
  })
  .refine((c) => c.added.length + c.removed.length > 0, {
    error: 'expected at least one address under added or removed: a change that changes nothing is not history',
    path: ['added'],
  });

/** A change's version: its date as YYYYMMDD, then its number on that day (01, 02, …), e.g. 2026112601. */
const versionOf = (date: string, nthThatDay: number) => Number(date.replaceAll('-', '')) * 100 + nthThatDay;

export const serversSchema = z
  .strictObject({
    status: z.enum(['example', 'published'], { error: 'expected "example" or "published"' }),
    updated: z
      .never({ error: 'remove this field: the list’s date is the date of the last change under history' })
      .optional(),
    note: z.string({ error: 'expected a sentence that says why the addresses are examples' }).optional(),
    servers: z
      .array(
        z.strictObject({
          address: serverAddress,
          label: z.string().min(1, { error: 'expected a label, e.g. "Frankfurt 1"' }),
        }),
      )
      .min(1, { error: 'expected at least one server' }),
    history: z
      .array(serverChangeSchema, { error: 'expected the list’s changes, oldest first: - date: YYYY-MM-DD, added: [addresses], removed: [addresses], note: why' })
      .min(1, { error: 'expected at least one change: the date the list started and the addresses it started with, under added' }),
  })
  .superRefine((list, ctx) => {
    list.history.forEach((c, i) => {
      const before = list.history[i - 1];
      if (before && c.date < before.date) {
        ctx.addIssue({ code: 'custom', path: ['history', i, 'date'], message: `expected a date on or after ${before.date} (the change before it): keep history oldest first and add new changes at the end` });
      }
    });
    // Refinements also run over a list with other problems, so nothing here assumes a change exists.
    const last = list.history.at(-1);
    const sameDay = last ? list.history.filter((c) => c.date === last.date).length : 0;
    if (sameDay > 99) ctx.addIssue({ code: 'custom', path: ['history'], message: 'expected at most 99 changes on one day: merge that day’s changes into one' });
    if (list.status === 'example' && !list.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'expected a note while status is example: it tells readers why the addresses are examples, in every example notice' });
    }
    if (list.status === 'published' && list.note !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: 'remove note: it explains the example list, and a published list shows no example notice' });
    }
  })
  .transform(({ updated: _, ...list }) => {
    const seen = new Map<string, number>(); // date -> changes so far that day
    const history = list.history.map((c) => {
      const nth = (seen.get(c.date) ?? 0) + 1;
      seen.set(c.date, nth);
      return { ...c, version: versionOf(c.date, nth) };
    });
    const last = history.at(-1)!;
    return { ...list, history, updated: last.date, version: last.version };
  });
export type ServerChange = Servers['history'][number];
export type Servers = z.output<typeof serversSchema>;
