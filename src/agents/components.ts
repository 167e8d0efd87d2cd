/**
 * How each of the project's components reads in a page's Markdown twin. A widget becomes a
 * description of what it checks plus a worked request to the same rules over HTTP; fact
 * components become tables from the same data and wording the HTML uses.
 */
import type { RootContent } from 'mdast';
import type { ComponentRenderer, JsxElementInfo } from './markdown.ts';
import { exchanges, getExchange, servers } from '../data/index.ts';
import { allFactRows, factText, guidePath, keySteps, errorAnchor, errorKindLabel, ipFactRows, levels, overviewRows, permissionRows, withoutIpShort } from '../data/describe.ts';
import { ipFactsOf, ipRules } from '../rules/ip-check.ts';
import { enterSentence, serverFormats } from '../rules/server-format.ts';
import { keyRules, modes } from '../rules/key-check.ts';
import type { RuleDoc } from '../rules/report.ts';
import { keyApiExample, keyCurl } from '../server/key-api.ts';
import { keyInputRows } from '../data/describe-key.ts';
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
    return [link(guidePath(ex.id), ex.name), cell('maxPerKey', f.maxPerKey!.text), cell('cidr', f.cidr!.text), cell('ipv6', f.ipv6!.text), cell('withoutIp', withoutIpShort(ex))];
  });
  const notes = exchanges.flatMap((ex) =>
    ipFactRows(ex).filter((r) => r.fact.note).map((r) => [strong(`${ex.name}, ${r.label.toLowerCase()}:`), ` ${r.fact.note}`]),
  );
  return [
    table(['Exchange', 'IP addresses per key', 'Ranges', 'IPv6', 'Without an IP binding'], rows),
    p('Each name leads to the exchange’s guide; each value links to the exchange’s own documentation. Notes on these facts:'),
    list(notes),
  ];
};

const ruleList = (rules: RuleDoc[]): ComponentRenderer => () =>
  rules.flatMap((rule) => [
    headingWithId(rule.id, 3, rule.title),
    p(strong(severityLabel[rule.severity]), ' · rule id ', code(rule.id)),
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

/** The exchange a component names in its `exchange` attribute; an unknown id fails the page. */
function exchangeOf(el: JsxElementInfo) {
  const id = el.attributes.exchange;
  const ex = typeof id === 'string' ? getExchange(id) : undefined;
  if (!ex) throw new Error(`<${el.name} exchange=${JSON.stringify(id)}>: unknown exchange`);
  return ex;
}

const sourcesOf = (sources: { url: string; title: string }[]) =>
  sources.flatMap((s, i) => [i ? ', ' : '', link(s.url, s.title)]);

const factsBox: ComponentRenderer = (el) => {
  const ex = exchangeOf(el);
  return [
    table(
      ['Fact', ex.name, 'Source'],
      allFactRows(ex).map((r) => [
        r.label,
        r.fact.note ? `${r.text}. Note: ${r.fact.note}` : r.text,
        [...sourcesOf(r.fact.sources), ` (checked ${r.fact.verified})`],
      ]),
    ),
  ];
};

const permissionTabs: ComponentRenderer = (el) => {
  const ex = exchangeOf(el);
  const out: RootContent[] = [];
  for (const level of levels) {
    out.push(p(strong(`${level.label}:`), ` the boxes on ${ex.name}’s key form`));
    out.push(table(['Box', 'Set it', 'What it allows'], permissionRows(ex, level.id).map((r) => [`${r.group ? `${r.group}: ` : ''}${r.label}`, strong(r.ruleText), r.explanation])));
  }
  const note = ex.key?.permissions.note;
  if (note) out.push(p(note));
  return out;
};

const serverCopy: ComponentRenderer = (el) => {
  const ex = exchangeOf(el);
  const f = serverFormats(servers, [ipFactsOf(ex)])[0]!;
  return [
    ...exampleNotice(),
    fence('text', f.text),
    p(`${enterSentence(f)} ${f.name} allows ${f.maxPerKey === 'unknown' ? 'an undocumented number of' : `up to ${f.maxPerKey}`} addresses per key.`),
  ];
};

const pitfalls: ComponentRenderer = (el) =>
  exchangeOf(el).pitfalls.flatMap((x) => [headingWithId(x.id, 3, x.title), p(x.text), p('Source: ', ...sourcesOf(x.sources), ` (checked ${x.verified}).`)]);

const errorTable: ComponentRenderer = (el) => {
  const list = typeof el.attributes.exchange === 'string' ? [exchangeOf(el)] : exchanges;
  return list.flatMap((ex) => [
    ...(typeof el.attributes.exchange === 'string' ? [] : [headingWithId(`${ex.id}-errors`, 3, ex.name)]),
    table(
      ['Code', 'Message', 'Cause', 'Fix'],
      ex.errors.map((e) => [
        code(e.code),
        `“${e.message}” (${errorKindLabel[e.kind]})`,
        e.cause,
        [`${e.fix} `, link(e.sources[0]!.url, 'Source'), e.secondary ? ' (not the exchange’s own docs)' : '', ` · anchor #${errorAnchor(ex.id, e.code)}`],
      ]),
    ),
  ]);
};

const exchangeOverview: ComponentRenderer = () => {
  const { header, rows } = overviewRows(exchanges);
  return [table(header, rows.map((r) => [link(r.guide, r.name), ...r.cells]))];
};

export const componentRenderers: Record<string, ComponentRenderer> = {
  Fact: (el) => [{ type: 'text', value: factText(exchangeOf(el), String(el.attributes.name)) }],
  KeySteps: (el) => [list(keySteps(exchangeOf(el)).map((s) => [s]), true)],
  FactsBox: factsBox,
  PermissionTabs: permissionTabs,
  ServerCopy: serverCopy,
  Pitfalls: pitfalls,
  ErrorTable: errorTable,
  ExchangeOverview: exchangeOverview,
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
