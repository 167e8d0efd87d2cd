/**
 * The MCP server at /mcp: Streamable HTTP, stateless (a fresh server per request, no sessions),
 * JSON responses. Its tools are the agent surfaces agents reach over HTTP, from the same modules.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { z } from 'zod';
import { docsIndex, findPage } from './docs.ts';
import { HttpError } from './http.ts';
import { trimChars } from '../rules/trim.ts';
import { runIpCheck } from './ip-api.ts';
import { runKeyCheck } from './key-api.ts';
import { runAddressCheck } from './address-api.ts';
import { pageMarkdown, sectionMarkdown, unknownSectionMarkdown } from '../agents/pages.ts';
import { ask, askMarkdown, closestByTitle, MAX_QUESTION } from '../agents/ask.ts';
import { searchDocs, searchMarkdown } from '../agents/search.ts';
import { exchangeIds } from '../data/index.ts';
import { SITE } from '../nav.ts';

const text = (body: string, isError = false) => ({ content: [{ type: 'text' as const, text: body }], ...(isError ? { isError } : {}) });

/** A checker's report as the tool's JSON text; a request the checker refuses becomes a tool error with its message. */
function checkerResult(run: () => unknown) {
  try {
    return text(JSON.stringify(run(), null, 2));
  } catch (e) {
    if (e instanceof HttpError) return text(e.message, true);
    throw e;
  }
}

/** A page id from whatever an agent passes: an id, a path, an HTML or .md URL. */
export function pageIdOf(page: string): string {
  let path: string;
  try {
    path = new URL(page.trim(), `${SITE}/`).pathname;
  } catch {
    path = page;
  }
  const id = trimChars(path, '/').replace(/\.md$/, '');
  return id || 'index';
}

function buildServer(): McpServer {
  const server = new McpServer({ name: 'xapy-docs', version: '1.0.0' });
  server.registerTool(
    'search_docs',
    {
      description: 'Search the XAPY Docs (exchange API keys for XAPY: permissions, IP whitelists, withdrawal-address whitelists). Returns Markdown: up to 10 sections, best first, each with its title, its .md URL with the heading anchor, and a verbatim excerpt.',
      inputSchema: { query: z.string().max(MAX_QUESTION).describe('Search terms, e.g. "withdrawal whitelist"') },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ query }) => {
      const index = await docsIndex();
      return text(searchMarkdown(searchDocs(index, query), index));
    },
  );
  server.registerTool(
    'get_page',
    {
      description: 'Get one page of the XAPY Docs as Markdown, or one section of it. Returns the page’s Markdown (or the section with its sub-sections); for an unknown page, the closest pages; for an unknown section, the page’s section ids.',
      inputSchema: {
        page: z.string().max(500).describe(`The page: its path or URL, e.g. "integration/generate-api-key" or "${SITE}/integration/generate-api-key/"; "index" for the home page`),
        section: z.string().max(200).optional().describe('A heading id on that page, e.g. "choose-a-permission-level"'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ page, section }) => {
      const id = pageIdOf(page);
      const found = await findPage(id);
      if (!found) {
        const closest = closestByTitle(await docsIndex(), id.replaceAll(/[/_-]+/g, ' '));
        return text(`No page "${id}". Closest pages:\n${closest.map((c) => `- ${c.title}: ${c.url}`).join('\n')}\nEvery page is listed in ${SITE}/llms.txt.`, true);
      }
      if (section === undefined) return text(pageMarkdown(found));
      const body = sectionMarkdown(found, section);
      return body ? text(body) : text(unknownSectionMarkdown(found, section), true);
    },
  );
  server.registerTool(
    'ask',
    {
      description: 'Ask the XAPY Docs a question. Returns Markdown: an answer made only of sentences, list items and table rows quoted from the docs (marked partial when it holds only part of the question), verbatim excerpts each linked to its section, the source pages, and follow-up questions; or "No answer found in these docs" with the closest pages. Nothing is generated.',
      inputSchema: {
        question: z.string().max(MAX_QUESTION).describe('A specific, self-contained question'),
        goal: z.string().max(MAX_QUESTION).optional().describe('What the user ultimately wants to achieve; ranks what serves it first'),
        page: z.string().max(500).optional().describe('The page the user is on (path or URL); its sections come first when they answer'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ question, goal, page }) => {
      const result = ask(await docsIndex(), { question: question.trim(), ...(goal?.trim() ? { goal: goal.trim() } : {}), page: pageIdOf(page ?? 'index') });
      return text(askMarkdown(result));
    },
  );
  server.registerTool(
    'check_ip_whitelist',
    {
      description: 'Check an exchange API key’s IP whitelist against XAPY’s servers and the exchange’s limits (the same rules as the web checker and POST /api/check/ips). Returns the report as JSON: verdict (pass, warn or fail), findings with rule ids, fixes and docs links, each entry as read, and "formatted", XAPY’s servers in the exchange’s format ready to paste.',
      inputSchema: {
        exchange: z.string().optional().describe(`The exchange: one of ${[...exchangeIds, 'any'].join(', ')} (default any)`),
        ips: z.union([z.string(), z.array(z.string())]).describe('The key’s IP list as pasted (any separators), or an array of addresses; "" for an empty list'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async ({ exchange, ips }) => checkerResult(() => runIpCheck({ exchange, ips })),
  );
  server.registerTool(
    'check_api_key',
    {
      description: 'Check an exchange API key for XAPY (the same rules as the web checker and POST /api/check/key), judged by the same Tick / Leave-off table as the exchange’s guide. Send either the boxes ticked on the exchange’s key form, by the exchange’s own labels, with the key’s IP list (what a user can read off the key page), or the JSON of the exchange’s key-metadata endpoint (e.g. OKX GET /api/v5/account/config, Bybit GET /v5/user/query-api); and the permission level. Returns JSON: verdict (pass, warn or fail), findings with rule ids, fixes and docs links, and the key’s normalized profile. Secrets found in the input are reported and redacted, never returned.',
      inputSchema: {
        exchange: z.string().describe(`The exchange: one of ${exchangeIds.join(', ')}`),
        mode: z.enum(['read-trade', 'read-write']).describe('read-trade: XAPY trades only; read-write: XAPY may also transfer and withdraw to rebalance'),
        metadata: z.union([z.string(), z.record(z.string(), z.unknown())]).optional().describe('The key-metadata response, as a JSON object or a string holding it (whole envelope or the inner key object); or send boxes instead'),
        boxes: z.array(z.string()).optional().describe('Instead of metadata: the labels of the boxes ticked on the exchange’s key form, as the exchange writes them (e.g. "Enable Reading", "Enable Futures"); send ips with it'),
        ips: z.union([z.string(), z.array(z.string())]).optional().describe('The key’s IP list: with boxes, always; with metadata, for exchanges whose metadata omits or masks it (Binance, KuCoin)'),
        addressWhitelistConfirmed: z.boolean().optional().describe('read-write only: the cross-exchange withdrawal-address whitelist is complete'),
        keyIndex: z.number().int().min(0).optional().describe('Which key to check when the response lists several'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (input) => checkerResult(() => runKeyCheck(input)),
  );
  server.registerTool(
    'check_address_loop',
    {
      description: 'Check that a user’s withdrawal-address whitelists form a closed loop between their exchanges (the same rules as the web checker and POST /api/check/addresses): each exchange can withdraw to the user’s deposit address on every other exchange, and to nothing else. Returns JSON: verdict, findings with rule ids, fixes and docs links, and the loop as nodes and edges.',
      inputSchema: {
        exchanges: z.array(z.object({
          exchange: z.string().describe(`One of ${exchangeIds.join(', ')}`),
          deposits: z.union([z.string(), z.array(z.record(z.string(), z.unknown()))]).describe('Deposit addresses on this exchange: [{asset, network, address, memo?}] or text, one “asset network address [memo]” per line'),
          whitelist: z.union([z.string(), z.array(z.record(z.string(), z.unknown()))]).describe('Whitelisted withdrawal addresses on this exchange: [{network, address, memo?, asset?}] or text, one “network address [memo]” per line'),
        })).describe('Every exchange the user runs XAPY on'),
      },
      annotations: { readOnlyHint: true, openWorldHint: false },
    },
    async (input) => checkerResult(() => runAddressCheck(input)),
  );
  return server;
}

export async function mcpResponse(request: Request): Promise<Response> {
  if (request.method !== 'POST') {
    return Response.json(
      { jsonrpc: '2.0', error: { code: -32000, message: 'This MCP server is stateless: send JSON-RPC messages with POST (Streamable HTTP). There is no event stream to GET and no session to DELETE.' }, id: null },
      { status: 405, headers: { Allow: 'POST' } },
    );
  }
  const server = buildServer();
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  await server.connect(transport);
  const response = await transport.handleRequest(request);
  await server.close();
  return response;
}
