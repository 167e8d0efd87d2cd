/**
 * Does an address have the form its network expects? Each family is read by a maintained
 * library (checksums included), not by a pattern written here. Pure: no DOM, no network.
 */
import { isAddress as isEvmAddress } from 'viem';
import bs58check from 'bs58check';
import { bech32, bech32m } from 'bech32';
import { isAddress as isSolanaAddress } from '@solana/addresses';
import type { Network } from '../data/schema.ts';

export type AddressFormat = Network['format'];

export type AddressCheck =
  | { status: 'valid' }
  | { status: 'invalid'; reason: string }
  /** A family no library here reads (e.g. TON): the address is neither accepted nor refused. */
  | { status: 'unchecked' };

const valid: AddressCheck = { status: 'valid' };
const invalid = (reason: string): AddressCheck => ({ status: 'invalid', reason });

function evm(address: string): AddressCheck {
  if (isEvmAddress(address, { strict: true })) return valid;
  if (isEvmAddress(address, { strict: false })) {
    return invalid('its mix of capital and small letters does not match the EVM checksum, so a character was probably mistyped');
  }
  return invalid('an EVM address is 0x followed by 40 hexadecimal digits');
}

/** Base58Check payload, or undefined when the checksum or alphabet is wrong. */
function base58check(address: string): Uint8Array | undefined {
  try {
    return bs58check.decodeUnsafe(address);
  } catch {
    return undefined;
  }
}

function tron(address: string): AddressCheck {
  const payload = base58check(address);
  if (!payload) return invalid('it is not valid Base58Check (a character is mistyped, missing or extra)');
  if (payload.length !== 21 || payload[0] !== 0x41) return invalid('it is Base58Check but not a TRON address (those start with T)');
  return valid;
}

function solana(address: string): AddressCheck {
  return isSolanaAddress(address) ? valid : invalid('a Solana address is 32 bytes written in Base58 (32 to 44 characters)');
}

function segwit(address: string): AddressCheck | undefined {
  const lower = address.toLowerCase();
  if (!lower.startsWith('bc1')) return undefined;
  if (address !== lower && address !== address.toUpperCase()) return invalid('a bech32 address is all small or all capital letters');
  const v0 = bech32.decodeUnsafe(lower, 90);
  const v1 = bech32m.decodeUnsafe(lower, 90);
  const decoded = v0 ?? v1;
  if (!decoded || decoded.prefix !== 'bc' || decoded.words.length === 0) return invalid('its bech32 checksum is wrong (a character is mistyped, missing or extra)');
  const version = decoded.words[0]!;
  const program = bech32.fromWordsUnsafe(decoded.words.slice(1));
  if (!program || version > 16) return invalid('it is not a valid segwit address');
  if (version === 0 && (!v0 || (program.length !== 20 && program.length !== 32))) return invalid('it is not a valid segwit version 0 address');
  if (version > 0 && (!v1 || program.length < 2 || program.length > 40)) return invalid('it is not a valid segwit address (version 1 and later use bech32m)');
  return valid;
}

function bitcoin(address: string): AddressCheck {
  const sw = segwit(address);
  if (sw) return sw;
  const payload = base58check(address);
  if (!payload) return invalid('it is neither a bc1… address nor valid Base58Check');
  if (payload.length !== 21 || (payload[0] !== 0x00 && payload[0] !== 0x05)) return invalid('it is Base58Check but not a Bitcoin mainnet address (1… or 3…)');
  return valid;
}

const readers: Record<AddressFormat, (address: string) => AddressCheck> = {
  evm,
  tron,
  solana,
  bitcoin,
  other: () => ({ status: 'unchecked' }),
};

/** Checks one address (already trimmed) against its network's address family. Never throws. */
export function checkAddress(address: string, format: AddressFormat): AddressCheck {
  if (address === '') return invalid('it is empty');
  if (/\s/.test(address)) return invalid('it contains a space or line break');
  try {
    return readers[format](address);
  } catch {
    return invalid('it could not be read as an address of this network');
  }
}

/** The form two addresses are compared in: EVM and bech32 addresses ignore letter case, others do not. */
export function addressKey(address: string, format: AddressFormat): string {
  if (format === 'evm') return address.toLowerCase();
  if (format === 'bitcoin' && address.toLowerCase().startsWith('bc1')) return address.toLowerCase();
  return address;
}
