/**
 * /mcp as an MCP client meets it: the SDK's own client connects over Streamable HTTP, lists the
 * tools, and calls each one; the server keeps no session.
 */
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { readFileSync } from 'node:fs';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';

const base = inject('baseUrl');
const client = new Client({ name: 'xapy-docs-test', version: '1.0.0' });
const servers: { address: string }[] = (await (await fetch(`${base}/servers.json`)).json()).servers;

type ToolResult = { content: { type: string; text: string }[]; isError?: boolean };
const call = async (name: string, args: Record<string, unknown>) => (await client.callTool({ name, arguments: args })) as ToolResult;
const textOf = (r: ToolResult) => r.content.map((c) => c.text).join('\n');

beforeAll(async () => {
  await client.connect(new StreamableHTTPClientTransport(new URL(`${base}/mcp`)));
});
afterAll(async () => {
  await client.close();
});

describe('MCP at /mcp', () => {
  it('lists the tools, each saying what it returns', async () => {
    const { tools } = await client.listTools();
    expect(tools.map((t) => t.name).sort()).toEqual(['ask', 'check_address_loop', 'check_api_key', 'check_ip_whitelist', 'get_page', 'search_docs']);
    for (const t of tools) {
      expect(t.description, t.name).toMatch(/Returns/);
      expect(t.inputSchema.type).toBe('object');
    }
  });

  it('search_docs returns ranked sections with .md links', async () => {
    const r = await call('search_docs', { query: 'withdrawal whitelist' });
    expect(r.isError).toBeFalsy();
    expect(textOf(r)).toMatch(/## 1\. \[.+\]\(https:\/\/docs\.xapy\.io\/.+\.md/);
  });

  it('get_page returns a page’s twin from an id or a URL, a section, or the closest pages', async () => {
    const twin = await (await fetch(`${base}/integration/generate-api-key.md`)).text();
    expect(textOf(await call('get_page', { page: 'integration/generate-api-key' }))).toBe(twin);
    expect(textOf(await call('get_page', { page: 'https://docs.xapy.io/integration/generate-api-key/' }))).toBe(twin);
    const section = await call('get_page', { page: '/integration/generate-api-key.md', section: 'read-write' });
    expect(textOf(section)).toContain('### Read-Write');
    const missing = await call('get_page', { page: 'setup/server-ip-list' });
    expect(missing.isError).toBe(true);
    expect(textOf(missing)).toContain('server-ips.md');
    const badSection = await call('get_page', { page: 'index', section: 'nope' });
    expect(badSection.isError).toBe(true);
  });

  it('ask returns the same answer as ?ask= on the page given', async () => {
    const question = 'Should I add my own computer’s IP address to the key?';
    const r = await call('ask', { question, goal: 'keep my funds safe', page: 'integration/generate-api-key' });
    const http = await (await fetch(`${base}/integration/generate-api-key.md?${new URLSearchParams({ ask: question, goal: 'keep my funds safe' })}`)).text();
    expect(textOf(r)).toBe(http);
  });

  it('check_ip_whitelist runs the IP check and reports bad input as a tool error', async () => {
    const ok = JSON.parse(textOf(await call('check_ip_whitelist', { exchange: 'okx', ips: servers.map((s) => s.address) })));
    expect(ok.verdict).toBe('pass');
    const bad = await call('check_ip_whitelist', { exchange: 'mtgox', ips: '1.1.1.1' });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/Unknown exchange "mtgox"/);
  });

  it('check_api_key gives the same report as POST /api/check/key, and reports bad input as a tool error', async () => {
    // Official example response: https://www.okx.com/docs-v5/en/#trading-account-rest-api-get-account-configuration
    const fixture = JSON.parse(readFileSync('test/fixtures/key-metadata/okx-account-config.json', 'utf8'));
    const args = { exchange: 'okx', mode: 'read-trade', metadata: fixture.response };
    const viaMcp = JSON.parse(textOf(await call('check_api_key', args)));
    const viaHttp = await (await fetch(`${base}/api/check/key`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })).json();
    expect(viaMcp).toEqual(viaHttp);
    expect(viaMcp.verdict).toMatch(/^(pass|warn|fail)$/);
    expect(viaMcp.profile).toBeDefined();
    const bad = await call('check_api_key', { exchange: 'mtgox', mode: 'read-trade', metadata: {} });
    expect(bad.isError).toBe(true);
    expect(textOf(bad)).toMatch(/Unknown exchange/);
  });

  it('check_api_key also takes the boxes a user describes, by the exchange’s own labels, as the API does', async () => {
    const args = { exchange: 'binance', mode: 'read-trade', boxes: ['Enable Portfolio Margin Trading', 'Enable FIX API Read Only'], ips: '192.0.2.10' };
    const viaMcp = JSON.parse(textOf(await call('check_api_key', args)));
    const viaHttp = await (await fetch(`${base}/api/check/key`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })).json();
    expect(viaMcp).toEqual(viaHttp);
    expect(viaMcp.verdict).toBe('fail');
    const nothing = await call('check_api_key', { exchange: 'okx', mode: 'read-trade' });
    expect(nothing.isError).toBe(true);
    expect(textOf(nothing)).toMatch(/^Nothing to check\. Send "metadata"/);
  });

  it('check_address_loop gives the same report as POST /api/check/addresses, and reports bad input as a tool error', async () => {
    const [a, b] = ['okx', 'bybit'];
    const args = {
      exchanges: [
        { exchange: a, deposits: 'USDT TRC20 TWgpjC2VU98yuArDh1QR1GZTuCcgdzTKHo', whitelist: 'TRC20 TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW' },
        { exchange: b, deposits: 'USDT TRC20 TNkGx15NcCs5QsfSR7i5MFTAYYzNm693jW', whitelist: '' },
      ],
    };
    const viaMcp = JSON.parse(textOf(await call('check_address_loop', args)));
    const viaHttp = await (await fetch(`${base}/api/check/addresses`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(args) })).json();
    expect(viaMcp).toEqual(viaHttp);
    expect(viaMcp.findings.map((f: { id: string }) => f.id)).toContain('missing-edge');
    expect(viaMcp.loop.nodes.length).toBeGreaterThanOrEqual(2);
    const bad = await call('check_address_loop', { exchanges: [{ exchange: 'mtgox', deposits: '', whitelist: '' }] });
    expect(bad.isError).toBe(true);
  });

  it('keeps no session: a GET is refused with a message, and no session id is handed out', async () => {
    const res = await fetch(`${base}/mcp`);
    expect(res.status).toBe(405);
    expect((await res.json()).error.message).toMatch(/stateless/);
    const init = await fetch(`${base}/mcp`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json, text/event-stream' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'curl', version: '1' } } }),
    });
    expect(init.status).toBe(200);
    expect(init.headers.get('mcp-session-id')).toBeNull();
  });
});
