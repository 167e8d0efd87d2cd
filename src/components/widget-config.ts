/**
 * The facts each checker widget needs, built from src/data at build time. The page does not carry
 * them: src/pages/widget-data/[widget].js.ts serves each as a small module, which lazy-widget.ts
 * loads beside the widget's code, so that a guide that embeds a checker still arrives in one round
 * trip on a phone. The .astro components render their forms from the same objects.
 */
import { exchanges, networks, servers } from '../data/index.ts';
import { keyFactsOf } from '../rules/key-check.ts';
import { ipFactsAmong } from '../rules/ip-check.ts';
import { loopFactsOf } from '../rules/address-loop.ts';
import { adapters } from '../rules/adapters/index.ts';
import { SITE } from '../nav.ts';

const serverList = () => ({ status: servers.status, servers: servers.servers });

export const widgetConfigs = {
  'ip-checker': () => ({ site: SITE, servers: serverList(), exchanges: exchanges.map((e) => ipFactsAmong(e, exchanges)) }),
  'key-checker': () => ({
    site: SITE,
    servers: serverList(),
    exchanges: exchanges.map((e) => ({ ...keyFactsOf(e, exchanges), endpoints: adapters[e.id]?.endpoints ?? [] })),
  }),
  'address-loop-checker': () => ({ site: SITE, exchanges: exchanges.map(loopFactsOf), networks }),
};

export type WidgetTag = keyof typeof widgetConfigs;
