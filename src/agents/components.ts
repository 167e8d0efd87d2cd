/**
 * How each of the project's components reads in a page's Markdown twin. A widget becomes a
 * description of what it checks plus a worked request to the same rules over HTTP; fact
 * components become tables from the same data and wording the HTML uses.
 */
import type { RootContent } from 'mdast';
import type { ComponentRenderer } from './markdown.ts';
import { exchanges, servers } from '../data/index.ts';
import { ipFactRows, withoutIpShort } from '../data/describe.ts';
import { ipFactsOf, ipRules } from '../rules/ip-check.ts';
import { serverFormats } from '../rules/server-format.ts';
import { severityLabel } from '../rules/report.ts';
import { SITE } from '../nav.ts';
import { ipCheckExample } from './ip-example.ts';
import { blockquote, code, fence, headingWithId, link, list, p, strong, table } from './mdast.ts';

const exampleNotice = (): RootContent[] =>
  servers.status === 'example'
    ? [blockquote(p(strong('Caution: Example addresses, not XAPY’s servers.'), ` ${servers.note ?? ''} Do not put them on a real key. Updated ${servers.updated}.`))]
    : [];

const serverList: ComponentRenderer = () => [
  ...exampleNotice(),
  table(['Address', 'Server'], servers.servers.map((s) => [code(s.address), s.label])),
  p('Machine-readable: ', link('/servers.json', '/servers.json'), '.'),
  headingWithId('copy-for-your-exchange', 3, 'Copy for your exchange'),
  table(
    ['Exchange', 'How to enter', 'Limit per key', 'Text to paste'],
    serverFormats(servers, exchanges.map(ipFactsOf)).map((f) => [
      f.name,
      f.howToEnter,
      f.maxPerKey === 'unknown' ? 'not documented' : `${f.maxPerKey} addresses${f.fits === false ? ' (XAPY’s list is longer)' : ''}`,
      code(f.text.replaceAll('\n', ' ⏎ ')),
    ]),
  ),
  p('In the last column, ⏎ stands for a new line.'),
];

const ipChecker: ComponentRenderer = (el) => {
  const { request, response } = ipCheckExample(typeof el.attributes.exchange === 'string' ? el.attributes.exchange : 'okx');
  return [
    ...exampleNotice(),
    p(
      strong('IP whitelist checker.'),
      ' On the web page this is an interactive form. It checks a pasted IP list against XAPY’s servers (',
      ...servers.servers.flatMap((s, i) => [i ? ', ' : '', code(s.address)]),
      '; also at ', link('/servers.json', '/servers.json'),
      ') and the chosen exchange’s limits, and returns a verdict (',
      code('pass'), ', ', code('warn'), ' or ', code('fail'),
      '), findings with rule ids, each entry as it was read, and the corrected list.',
    ),
    p('Agents can run the same check over HTTP:'),
    fence('sh', `curl -s ${SITE}/api/check/ips \\\n  -H 'Content-Type: application/json' \\\n  -d '${JSON.stringify(request)}'`),
    p(servers.servers.length > 2 ? 'The response for this list, which holds only some of XAPY’s servers:' : 'The response for this list:'),
    fence('json', JSON.stringify(response, null, 2)),
    p('Every rule is explained on ', link('/tools/ip-whitelist-checker.md#the-rules', 'the checker page'), '; the API is described in ', link('/openapi.json', '/openapi.json'), '.'),
  ];
};

const exchangeList: ComponentRenderer = () => {
  const rows = exchanges.map((ex) => {
    const f = Object.fromEntries(ipFactRows(ex).map((r) => [r.key, r]));
    const cell = (key: string, value: string) => link(f[key]!.fact.sources[0]!.url, value);
    return [link(ex.website, ex.name), cell('maxPerKey', f.maxPerKey!.text), cell('cidr', f.cidr!.text), cell('ipv6', f.ipv6!.text), cell('withoutIp', withoutIpShort(ex))];
  });
  const notes = exchanges.flatMap((ex) =>
    ipFactRows(ex).filter((r) => r.fact.note).map((r) => [strong(`${ex.name}, ${r.label.toLowerCase()}:`), ` ${r.fact.note}`]),
  );
  return [
    table(['Exchange', 'IP addresses per key', 'Ranges', 'IPv6', 'Without an IP binding'], rows),
    p('Each value links to the exchange’s own documentation. Notes on these facts:'),
    list(notes),
  ];
};

const ipRuleList: ComponentRenderer = () =>
  ipRules.flatMap((rule) => [
    headingWithId(rule.id, 3, rule.title),
    p(strong(severityLabel[rule.severity]), ' · rule id ', code(rule.id)),
    p(rule.explanation),
  ]);

export const componentRenderers: Record<string, ComponentRenderer> = {
  ExampleNotice: exampleNotice,
  ServerList: serverList,
  IpChecker: ipChecker,
  ExchangeList: exchangeList,
  IpRuleList: ipRuleList,
};
