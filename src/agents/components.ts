/**
 * How each of the project's components reads in a page's Markdown twin. A widget becomes a
 * description of what it checks plus a worked request to the same rules over HTTP; fact
 * components become tables from the same data and wording the HTML uses.
 */
import type { RootContent } from 'mdast';
import type { ComponentRenderer, JsxElementInfo } from './markdown.ts';
import { exchanges, getExchange, networks, servers } from '../data/index.ts';
import { loopAssets } from '../data/assets.ts';
import { closedLoopExample } from '../components/loop-diagram.ts';
import { factsCheckedText } from '../data/facts.ts';
import { allFactRows, apiLimitSentence, factText, networkSupportView, withdrawalFactRows, withdrawalOverview, type FactRow, guidePath, keySteps, errorAnchor, errorKindLabel, ipFactRows, levels, overviewRows, permissionRows, tickText, withoutIpShort } from '../data/describe.ts';
import { boxesWith, keyFormView, type KeyFormView } from '../data/key-form.ts';
import { ipFactsOf } from '../rules/ip-check.ts';
import { catalogueOf } from '../rules/catalogues.ts';
import { changeSummary, changeViews, SERVERS_FEED_PATH } from '../data/server-list.ts';
import { enterSentence, serverFormats } from '../rules/server-format.ts';
import { modes } from '../rules/key-check.ts';
import { boxLabel } from '../rules/profile.ts';
import { keyApiExample, keyCurl } from '../server/key-api.ts';
import { keyInputRows } from '../data/describe-key.ts';
import { severityLabel } from '../rules/report.ts';
import { SITE } from '../nav.ts';
import { ipCheckExample } from './ip-example.ts';
import { checkAddressLoop, exampleLoopRequest } from '../server/address-api.ts';
import { loopCurl } from './examples.ts';
import { blockquote, code, fence, headingWithId, link, list, p, strong, table } from './mdast.ts';

/**
 * One twin being converted. Like the HTML page (ExampleNotice.astro, a flag in Astro.locals), a
 * twin says that the server list is an example once: the first component that shows XAPY's
 * addresses says it, right where the reader meets the first of them; the others do not repeat it.
 */
interface TwinState { exampleNoticeShown: boolean }
/** A renderer that may carry the page's one example notice. */
type PageRenderer = (page: TwinState) => ComponentRenderer;

/** The example notice, if the list is an example and this twin has not said it yet; else nothing. */
function exampleNotice(page: TwinState): RootContent[] {
  if (servers.status !== 'example' || page.exampleNoticeShown) return [];
  page.exampleNoticeShown = true;
  return [blockquote(p(strong('Caution: Example addresses, not XAPY’s servers.'), ` ${servers.note ?? ''} Do not put them on a real key. Updated ${servers.updated}.`))];
}

const serverList: PageRenderer = (page) => () => [
  ...exampleNotice(page),
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

const serverChanges: ComponentRenderer = () => [
  p('Last changed on ', servers.updated, ' (list version ', code(String(servers.version)), '). Follow the changes in the ', link(SERVERS_FEED_PATH, 'Atom feed'), ' (', code(SERVERS_FEED_PATH), '): a feed reader, or XAPY’s app, shows each change as soon as it is published.'),
  headingWithId('history', 3, 'History'),
  list(changeViews(servers).map((c) => [
    strong(c.date), `: ${changeSummary(c)} (version `, code(String(c.version)), `).${c.note ? ` ${c.note}` : ''}`,
    ...(c.added.length ? [' Added: ', ...c.added.flatMap((s, i) => [i ? ', ' : '', code(s.address), s.label ? ` (${s.label})` : ''])] : []),
    ...(c.added.length && c.removed.length ? ['.'] : []),
    ...(c.removed.length ? [' Removed: ', ...c.removed.flatMap((s, i) => [i ? ', ' : '', code(s.address)])] : []),
    '.',
  ])),
];

const ipChecker: PageRenderer = (page) => (el) => {
  const { request, response } = ipCheckExample(typeof el.attributes.exchange === 'string' ? el.attributes.exchange : 'okx');
  return [
    ...exampleNotice(page),
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

const addressLoopChecker: ComponentRenderer = () => [
  p(
    strong('Withdrawal loop checker.'),
    ' On the web page this is an interactive form: tick the exchanges you use with XAPY, enter your deposit addresses on each (one per line: asset, network, address, memo) and paste each exchange’s withdrawal whitelist (network, address, memo). It validates every address for its network, checks that each exchange can withdraw each asset to every other one and to nothing else, and returns a verdict (',
    code('pass'), ', ', code('warn'), ' or ', code('fail'),
    '), findings with rule ids, and the loop as a diagram with the same information in words. Nothing entered leaves the page.',
  ),
  p('Agents can run the same check over HTTP with ', code('POST /api/check/addresses'), '; see ', link('/tools/address-loop-checker.md#check-over-http', 'Check over HTTP'), ' for the request, a worked example and the answer.'),
];

const loopApiExample: ComponentRenderer = () => {
  const request = exampleLoopRequest();
  return [fence('sh', loopCurl(request)), p('The answer:'), fence('json', JSON.stringify(checkAddressLoop(request), null, 2))];
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

const ruleList: ComponentRenderer = (el) =>
  catalogueOf(el.attributes.checker, servers.status).flatMap((rule) => [
    headingWithId(rule.id, 3, rule.title),
    p(strong(severityLabel[rule.severity]), ' · rule id ', code(rule.id)),
    p(rule.explanation),
  ]);

/** A boxes request for the exchange: its guide's Read + Trade Tick boxes and XAPY's servers. */
function boxesRequest(exchange: string): Record<string, unknown> {
  const boxes = getExchange(exchange)?.key?.permissions.value;
  const labels = boxes && boxes !== 'unknown' ? boxes.filter((b) => b.readTrade === 'tick').map((b) => boxLabel(b)) : [];
  return { exchange, mode: 'read-trade', boxes: labels, ips: servers.servers.map((s) => s.address).join(', ') };
}

const keyChecker: PageRenderer = (page) => (el) => {
  const exchange = typeof el.attributes.exchange === 'string' ? el.attributes.exchange : 'okx';
  const input = keyInputRows().find((r) => r.id === exchange);
  const { request } = keyApiExample();
  return [
    ...exampleNotice(page),
    p(
      strong('API key checker.'),
      ' On the web page this is an interactive form. By default the user ticks the boxes that are ticked on the exchange’s key form and enters the key’s IP list; it can also read what the exchange reports about an API key (',
      ...(input?.endpoints.flatMap((e, i) => [i ? ' or ' : '', code(e)]) ?? []),
      exchange === 'coinex' ? ', a sub-account key read by the main account' : '',
      '). It returns a verdict (',
      code('pass'), ', ', code('warn'), ' or ', code('fail'),
      ') for the chosen mode (', ...modes.flatMap((m, i) => [i ? ' or ' : '', code(m)]),
      '), judging each box by the guide’s own Tick / Leave-off table, with findings with rule ids and the key’s normalized profile. A pasted secret fails the check and is never shown.',
    ),
    p(
      'Ticking the boxes is the default because a finished key is bound to XAPY’s servers only, so the exchange refuses to answer questions about it from the user’s own computer. ',
      'The metadata path is for keys being prepared (before binding), scripts and agents.',
    ),
    p('Agents can run the same check over HTTP, sending the ticked boxes by the exchange’s own labels as ', code('boxes'), ' with the key’s ', code('ips'), ':'),
    fence('sh', keyCurl(boxesRequest(exchange))),
    p('or the metadata response as ', code('metadata'), ':'),
    fence('sh', keyCurl(exchange === 'okx' ? request : { ...request, exchange, metadata: '<the JSON response of the endpoint above>' })),
    p('Every rule and the API are described on ', link('/tools/api-key-checker.md', 'the API key checker page'), '.'),
  ];
};

const keyApiExampleBlock: PageRenderer = (page) => () => {
  const { request, response } = keyApiExample();
  return [
    ...exampleNotice(page),
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

const factTable = (name: string, rows: FactRow[]) =>
  table(
    ['Fact', name, 'Source'],
    rows.map((r) => [
      r.label,
      r.fact.note ? `${r.text.replace(/\.$/, '')}. Note: ${r.fact.note}` : r.text,
      [...sourcesOf(r.fact.sources), ` (checked ${r.fact.verified})`],
    ]),
  );

const factsBox: ComponentRenderer = (el) => {
  const ex = exchangeOf(el);
  return [factTable(ex.name, allFactRows(ex))];
};

const withdrawalFacts: ComponentRenderer = (el) => {
  if (typeof el.attributes.exchange === 'string') {
    const ex = exchangeOf(el);
    const rows = withdrawalFactRows(ex, networks);
    return rows.length ? [p(apiLimitSentence(ex)), factTable(ex.name, rows)] : [p(`Not documented yet: check ${ex.name}’s security settings for an address book and a whitelist-only switch.`)];
  }
  const { header, rows } = withdrawalOverview(exchanges, networks);
  return [table(header, rows.map((r) => [link(r.guide, r.name), ...r.cells.map((c) => (c.source ? link(c.source, c.text) : c.text))]))];
};

const networkSupport: ComponentRenderer = () =>
  loopAssets.flatMap((asset) => {
    const { columns, rows, undocumented } = networkSupportView(exchanges, networks, asset);
    return [
      ...(columns.length ? [
        p(strong(`${asset}: networks each exchange supports`)),
        table(['Network', ...columns.map((ex) => [link(ex.withdrawal!.networks.sources[0]!.url, ex.name), ` (checked ${ex.withdrawal!.networks.verified})`])],
          rows.map((row) => [`${row.network.name} (${row.network.aliases[0]})`, ...row.cells])),
      ] : []),
      ...(undocumented.length ? [p(strong(`${asset}:`), ` ${columns.length ? 'not documented for ' : 'no exchange here publishes a fixed list of networks: '}${undocumented.map((ex) => ex.name).join(', ')}. The “Networks for USDT and USDC” row in each exchange’s table above says where that exchange shows its current networks.`)] : []),
    ];
  });

const loopDiagramText: ComponentRenderer = () => [
  p('A closed loop of three exchanges. In words:'),
  list(closedLoopExample().edges.map((e) => [e.text])),
];

/** The key form sketch in words: what the page draws beside each permission table. */
const keyFormList = (view: KeyFormView): RootContent[] => {
  const items = (['tick', 'either', 'leave-off'] as const)
    .map((rule) => [rule, boxesWith(view, rule)] as const)
    .filter(([, boxes]) => boxes.length)
    .map(([rule, boxes]) => [strong(`${tickText[rule]}:`), ` ${boxes.join('; ')}`]);
  return [
    p('At a glance, as the page’s sketch of the form shows it:'),
    list([
      ...items,
      ...(view.passphrase ? [['Passphrase: one you choose, kept with the key.']] : []),
      [strong('IP restriction:'), ' ', code(view.ip.text.replaceAll('\n', ' ⏎ ')), ` (XAPY’s ${view.ip.count} server addresses, ${view.ip.howToEnter}; ⏎ stands for a new line)`],
    ]),
  ];
};

const permissionTabs: PageRenderer = (page) => (el) => {
  const ex = exchangeOf(el);
  // The sketch of the form holds XAPY's addresses in the IP field: the first a guide shows.
  const out: RootContent[] = [...exampleNotice(page)];
  for (const level of levels) {
    out.push(p(strong(`${level.label}:`), ` the boxes on ${ex.name}’s key form`));
    out.push(...keyFormList(keyFormView(ex, level.id, servers)));
    out.push(table(['Box', 'Set it', 'What it allows'], permissionRows(ex, level.id).map((r) => [`${r.group ? `${r.group}: ` : ''}${r.label}`, strong(r.ruleText), r.explanation])));
  }
  const note = ex.key?.permissions.note;
  if (note) out.push(p(note));
  return out;
};

const serverCopy: PageRenderer = (page) => (el) => {
  const ex = exchangeOf(el);
  const f = serverFormats(servers, [ipFactsOf(ex)])[0]!;
  return [
    ...exampleNotice(page),
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

/** The renderers for one twin: call once per page, so each twin says the example notice once. */
export function componentRenderers(): Record<string, ComponentRenderer> {
  const page: TwinState = { exampleNoticeShown: false };
  return {
    Fact: (el) => [{ type: 'text', value: factText(exchangeOf(el), String(el.attributes.name)) }],
    KeySteps: (el) => [list(keySteps(exchangeOf(el)).map((s) => [s]), true)],
    FactsBox: factsBox,
    FactsChecked: (el) => [p(factsCheckedText(exchangeOf(el), new Date().toISOString().slice(0, 10)))],
    PermissionTabs: permissionTabs(page),
    ServerCopy: serverCopy(page),
    Pitfalls: pitfalls,
    ErrorTable: errorTable,
    ExchangeOverview: exchangeOverview,
    ExampleNotice: () => exampleNotice(page),
    ServerList: serverList(page),
    ServerChanges: serverChanges,
    IpChecker: ipChecker(page),
    ExchangeList: exchangeList,
    RuleList: ruleList,
    KeyChecker: keyChecker(page),
    KeyApiExample: keyApiExampleBlock(page),
    KeyInputList: keyInputList,
    AddressLoopChecker: addressLoopChecker,
    WithdrawalFacts: withdrawalFacts,
    NetworkSupport: networkSupport,
    LoopDiagram: loopDiagramText,
    LoopApiExample: loopApiExample,
  };
}
