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
import { keyRules, modes } from '../rules/key-check.ts';
import type { RuleDoc } from '../rules/report.ts';
import { keyApiExample, keyCurl } from '../server/key-api.ts';
import { keyInputRows } from '../data/describe-key.ts';
import { serverFormats } from '../rules/server-format.ts';
import { severityLabel } from '../rules/report.ts';
import { SITE } from '../nav.ts';
import { blockquote, code, fence, heading, link, list, p, strong, table } from './mdast.ts';

const exampleNotice = (): RootContent[] =>
  servers.status === 'example'
    ? [blockquote(p(strong('Caution: Example addresses, not XAPY’s servers.'), ` ${servers.note ?? ''} Do not put them on a real key. Updated ${servers.updated}.`))]
    : [];

const serverList: ComponentRenderer = () => [
  ...exampleNotice(),
  table(['Address', 'Server'], servers.servers.map((s) => [code(s.address), s.label])),
  p('Machine-readable: ', link('/servers.json', '/servers.json'), '.'),
  heading(3, 'Copy for your exchange'),
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
  const exchange = typeof el.attributes.exchange === 'string' ? el.attributes.exchange : 'okx';
  const sample = servers.servers.slice(0, 2).map((s) => s.address).join(', ');
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
    fence('sh', `curl -s ${SITE}/api/check/ips \\\n  -H 'Content-Type: application/json' \\\n  -d '{"exchange": "${exchange}", "ips": "${sample}"}'`),
    p('Every rule is explained on ', link('/tools/ip-whitelist-checker.md#the-rules', 'the checker page'), '.'),
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

const ruleList = (rules: RuleDoc[]): ComponentRenderer => () =>
  rules.flatMap((rule) => [
    heading(3, rule.title),
    p(strong(severityLabel[rule.severity]), ' · rule id ', code(rule.id), ' (anchor ', code(`#${rule.id}`), ' on the web page)'),
    p(rule.explanation),
  ]);

const keyChecker: ComponentRenderer = (el) => {
  const exchange = typeof el.attributes.exchange === 'string' ? el.attributes.exchange : 'okx';
  const input = keyInputRows().find((r) => r.id === exchange);
  const { request } = keyApiExample();
  return [
    ...exampleNotice(),
    p(
      strong('API key checker.'),
      ' On the web page this is an interactive form. It reads what the exchange reports about an API key (',
      ...(input?.endpoints.flatMap((e, i) => [i ? ' or ' : '', code(e)]) ?? []),
      exchange === 'coinex' ? ', a sub-account key read by the main account' : '',
      '), or the boxes ticked on the exchange’s key form plus the IP list, and returns a verdict (',
      code('pass'), ', ', code('warn'), ' or ', code('fail'),
      ') for the chosen mode (', ...modes.flatMap((m, i) => [i ? ' or ' : '', code(m)]),
      '), findings with rule ids, and the key’s normalized profile. Secrets are reported and never shown.',
    ),
    p('Agents can run the same check over HTTP, sending the metadata response as ', code('metadata'), ':'),
    fence('sh', keyCurl(exchange === 'okx' ? request : { ...request, exchange, metadata: '<the JSON response of the endpoint above>' })),
    p('Every rule and the API are described on ', link('/tools/api-key-checker.md', 'the API key checker page'), '.'),
  ];
};

const keyApiExampleBlock: ComponentRenderer = () => {
  const { request, response } = keyApiExample();
  return [
    fence('sh', keyCurl(request)),
    p('The whole answer:'),
    fence('json', JSON.stringify(response, null, 2)),
  ];
};

const keyInputList: ComponentRenderer = () => [
  table(['Exchange', 'Paste the response of', 'Good to know'], keyInputRows().map((r) => [r.name, code(r.endpoints.join(' or ')), r.note])),
];

export const componentRenderers: Record<string, ComponentRenderer> = {
  ExampleNotice: exampleNotice,
  ServerList: serverList,
  IpChecker: ipChecker,
  ExchangeList: exchangeList,
  IpRuleList: ruleList(ipRules),
  KeyRuleList: ruleList(keyRules),
  KeyChecker: keyChecker,
  KeyApiExample: keyApiExampleBlock,
  KeyInputList: keyInputList,
};
