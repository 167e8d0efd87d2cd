/**
 * The key checker's inputs in words, for the checker page and its Markdown twin (one wording for both).
 */
import { exchanges } from './index.ts';
import { adapters } from '../rules/adapters/index.ts';

export interface KeyInputRow {
  id: string;
  name: string;
  endpoints: string[];
  note: string;
}

export function keyInputRows(): KeyInputRow[] {
  return exchanges.map((ex) => {
    const endpoint = ex.key?.metadataEndpoint;
    const fromData = endpoint && endpoint.value !== 'unknown' && endpoint.value !== null ? endpoint.value.note : undefined;
    const note = ex.id === 'coinex'
      ? 'CoinEx has no endpoint that describes the key making the call. Its main account can read a sub-account key’s details, which the checker accepts; for any other key, tick the boxes instead.'
      : (fromData ?? endpoint?.note ?? '');
    return { id: ex.id, name: ex.name, endpoints: adapters[ex.id]?.endpoints ?? [], note };
  });
}
