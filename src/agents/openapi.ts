/**
 * The OpenAPI 3.1 description of what agents can call over HTTP: the IP whitelist check, `?ask=`,
 * `?section=` and `/search.md`. Examples are computed by the same rules the API runs, so they
 * cannot drift from its answers.
 */
import { exchangeIds, servers } from '../data/index.ts';
import { catalogueOf } from '../rules/catalogues.ts';
import { ipCheckExample } from './ip-example.ts';
import { keyApiExample } from '../server/key-api.ts';
import { checkAddressLoop, exampleLoopRequest } from '../server/address-api.ts';
import { keyRules, modes } from '../rules/key-check.ts';
import { loopRules } from '../rules/address-loop.ts';
import { SITE } from '../nav.ts';
import { EXAMPLE_GOAL, EXAMPLE_QUESTION } from './pages.ts';
import { MAX_QUESTION } from './ask.ts';

const error = { $ref: '#/components/responses/Error' };
/** What every checker's report has: a verdict and findings that each name a rule. */
const reportCore = {
  verdict: { type: 'string', enum: ['pass', 'warn', 'fail'] },
  findings: { type: 'array', items: { $ref: '#/components/schemas/Finding' } },
};
const markdownText = (description: string) => ({ description, content: { 'text/markdown': { schema: { type: 'string' } } } });

export function openApiDocument(): object {
  const { request, response: exampleReport } = ipCheckExample();
  const sample = request.ips;
  const keyExample = keyApiExample();
  const loopRequest = exampleLoopRequest();
  const loopResponse = checkAddressLoop(loopRequest);
  const ipFields = {
    exchange: { type: 'string', enum: [...exchangeIds, 'any'], default: 'any', description: 'The exchange the key is for, or "any" to check only against XAPY’s servers.' },
    ips: { description: 'The key’s IP list as pasted: any separators (new lines, commas, spaces, semicolons), quotes or a JSON array; or an array of strings. An empty list is answered 422 (nothing to check).', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'XAPY Docs for agents',
      version: '1.0.0',
      description: 'Checks an exchange API key for XAPY (its IP whitelist against XAPY’s servers, its permissions from the exchange’s own key metadata) and a user’s withdrawal-address whitelists across exchanges; answers questions from the XAPY Docs with quoted excerpts, and searches them. No authentication; every endpoint is free of side effects.',
    },
    servers: [{ url: SITE }],
    paths: {
      '/api/check/ips': {
        get: {
          operationId: 'checkIpWhitelistGet',
          summary: 'Check an IP whitelist (query string)',
          parameters: [
            { name: 'exchange', in: 'query', required: false, schema: ipFields.exchange },
            { name: 'ips', in: 'query', required: true, schema: { type: 'string' }, description: ipFields.ips.description, example: sample },
          ],
          responses: { 200: { $ref: '#/components/responses/IpReport' }, 400: error, 422: error },
        },
        post: {
          operationId: 'checkIpWhitelist',
          summary: 'Check an IP whitelist',
          description: `Returns a verdict (pass, warn or fail), findings that each name a rule (${catalogueOf('ip', servers.status).map((r) => r.id).join(', ')}), every entry as it was read, and XAPY’s servers in the exchange’s format. Bodies over 64 kB are refused.`,
          requestBody: {
            required: true,
            content: { 'application/json': { schema: { type: 'object', required: ['ips'], properties: ipFields }, example: request } },
          },
          responses: { 200: { $ref: '#/components/responses/IpReport' }, 400: error, 405: error, 413: error, 422: error },
        },
      },
      '/api/check/key': {
        post: {
          operationId: 'checkApiKey',
          summary: 'Check an exchange API key from its ticked boxes or its metadata',
          description: `Send the boxes ticked on the exchange’s key form, by the exchange’s own labels (the labels are listed on each exchange’s guide and in a 400 answer to an unknown label), with the key’s IP list; or what the exchange reports about the key (its key-metadata endpoint’s JSON, whole or the inner object). Each box is judged by the guide’s own Tick / Leave-off table for the permission level. Nothing to check (no boxes and no IPs, or empty metadata) is answered 422 with what to send. Returns a verdict, findings that each name a rule (${keyRules.map((r) => r.id).join(', ')}) and the key’s normalized profile. Secrets found anywhere in the input are reported and redacted from the answer. A response listing several keys needs keyIndex. Bodies over 64 kB are refused.`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['exchange', 'mode'],
                  properties: {
                    exchange: { type: 'string', enum: exchangeIds },
                    mode: { type: 'string', enum: [...modes], description: 'read-trade: XAPY trades only; read-write: XAPY may also transfer and withdraw.' },
                    metadata: { description: 'The key-metadata response, as an object or a string holding it. Send this or boxes.', oneOf: [{ type: 'object' }, { type: 'string' }] },
                    boxes: { type: 'array', items: { type: 'string' }, description: 'Instead of metadata: the labels of the boxes ticked on the key form, as the exchange writes them (e.g. "Enable Reading", "Enable Futures"; "Group: Label" where the form groups boxes).' },
                    ips: { description: 'The key’s IP list: with boxes, always; with metadata, for exchanges whose metadata omits or masks it.', oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
                    addressWhitelistConfirmed: { type: 'boolean', description: 'read-write: the cross-exchange withdrawal-address whitelist is complete.' },
                    keyIndex: { type: 'integer', minimum: 0, description: 'Which key to check when the response lists several.' },
                  },
                },
                example: keyExample.request,
              },
            },
          },
          responses: {
            200: { description: 'The report.', content: { 'application/json': { schema: { $ref: '#/components/schemas/KeyReport' }, example: keyExample.response } } },
            400: error, 405: error, 413: error, 422: error,
          },
        },
      },
      '/api/check/addresses': {
        post: {
          operationId: 'checkAddressLoop',
          summary: 'Check that withdrawal whitelists form a closed loop',
          description: `Send every exchange the user runs XAPY on, with the user’s deposit addresses there and the withdrawal addresses whitelisted there. Returns a verdict, findings that each name a rule (${loopRules.map((r) => r.id).join(', ')}) and the loop as nodes and edges. Bodies over 64 kB are refused.`,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['exchanges'],
                  properties: {
                    exchanges: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['exchange'],
                        properties: {
                          exchange: { type: 'string', enum: exchangeIds },
                          deposits: { description: '[{asset, network, address, memo?}] or text, one “asset network address [memo]” per line.', oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'string' }] },
                          whitelist: { description: '[{network, address, memo?, asset?}] or text, one “network address [memo]” per line.', oneOf: [{ type: 'array', items: { type: 'object' } }, { type: 'string' }] },
                        },
                      },
                    },
                  },
                },
                example: loopRequest,
              },
            },
          },
          responses: {
            200: { description: 'The report and the loop.', content: { 'application/json': { schema: { $ref: '#/components/schemas/LoopReport' }, example: loopResponse } } },
            400: error, 405: error, 413: error, 422: error,
          },
        },
      },
      '/{page}.md': {
        get: {
          operationId: 'askDocs',
          summary: 'A page as Markdown; or one section of it; or an answer to a question',
          description: 'Every docs page has a Markdown twin at its URL with .md appended (the home page is /index.md). With ask, the answer is made only of sentences from the docs, with verbatim excerpts linked to their sections, sources and follow-up questions; sections of this page come first when they answer. With section, just that section and its sub-sections.',
          parameters: [
            { name: 'page', in: 'path', required: true, schema: { type: 'string' }, description: 'The page path, which may contain slashes, e.g. integration/generate-api-key.', example: 'integration/generate-api-key' },
            { name: 'ask', in: 'query', required: false, schema: { type: 'string', maxLength: MAX_QUESTION }, description: 'A specific, self-contained question. Empty or a placeholder returns how to ask.', example: EXAMPLE_QUESTION },
            { name: 'goal', in: 'query', required: false, schema: { type: 'string', maxLength: MAX_QUESTION }, description: 'What the user wants to achieve; ranks what serves it first.', example: EXAMPLE_GOAL },
            { name: 'section', in: 'query', required: false, schema: { type: 'string' }, description: 'A heading id of the page (the same as on the HTML page).', example: 'choose-a-permission-level' },
          ],
          responses: {
            200: {
              description: 'The page, the section, or the answer (Markdown unless JSON is preferred; JSON only for ask).',
              content: { 'text/markdown': { schema: { type: 'string' } }, 'application/json': { schema: { $ref: '#/components/schemas/Answer' } } },
            },
            400: { description: 'The question or goal is longer than 500 characters.', content: { 'text/markdown': { schema: { type: 'string' } }, 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
            404: markdownText('No such page (the body lists the closest pages), or no such section (the body lists the page’s section ids).'),
          },
        },
      },
      '/search.md': {
        get: {
          operationId: 'searchDocs',
          summary: 'Search the docs',
          parameters: [{ name: 'q', in: 'query', required: false, schema: { type: 'string', maxLength: 500 }, description: 'Search terms.', example: 'withdrawal whitelist' }],
          responses: {
            200: { description: 'Ranked sections, best first, each with a verbatim excerpt.', content: { 'text/markdown': { schema: { type: 'string' } }, 'application/json': { schema: { $ref: '#/components/schemas/SearchResults' } } } },
            400: { description: 'The terms are longer than 500 characters.', content: { 'text/markdown': { schema: { type: 'string' } }, 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
          },
        },
      },
      '/servers.json': {
        get: {
          operationId: 'getServers',
          summary: 'XAPY’s server IP addresses',
          responses: { 200: { description: 'The list, its status (example or published), the date and version of its last change, and its history.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Servers' } } } } },
        },
      },
      '/servers.atom': {
        get: {
          operationId: 'getServerChanges',
          summary: 'The changes of XAPY’s server list, as an Atom feed',
          responses: { 200: { description: 'Atom 1.0: one entry per change, newest first, with the addresses added and removed.', content: { 'application/atom+xml': { schema: { type: 'string' } } } } },
        },
      },
    },
    components: {
      schemas: {
        Error: { type: 'object', required: ['error'], properties: { error: { type: 'string', description: 'What to change, in plain words.' } } },
        Finding: {
          type: 'object',
          required: ['id', 'severity', 'message'],
          properties: {
            id: { type: 'string', description: 'Stable rule id; also the anchor of its explanation on the checker page.' },
            severity: { type: 'string', enum: ['error', 'warning', 'info'] },
            message: { type: 'string' },
            fix: { type: 'string' },
            docs: { type: 'string', format: 'uri' },
          },
        },
        IpReport: {
          type: 'object',
          required: ['verdict', 'findings', 'exchange', 'entries', 'formatted'],
          properties: {
            ...reportCore,
            exchange: { type: 'string' },
            entries: {
              type: 'array',
              items: {
                type: 'object',
                required: ['input', 'kind'],
                properties: { input: { type: 'string' }, kind: { type: 'string' }, normalized: { type: 'string' }, reason: { type: 'string' } },
              },
            },
            formatted: { type: 'string', description: 'XAPY’s servers in the exchange’s format, ready to paste.' },
          },
        },
        KeyReport: {
          type: 'object',
          required: ['verdict', 'findings', 'profile', 'exchange', 'mode'],
          properties: {
            ...reportCore,
            profile: { type: 'object', description: 'The key as read: capabilities (on, off or unknown), IP binding, expiry, key type, account.' },
            exchange: { type: 'string' },
            mode: { type: 'string', enum: [...modes] },
          },
        },
        LoopReport: {
          type: 'object',
          required: ['verdict', 'findings', 'loop'],
          properties: {
            ...reportCore,
            loop: { type: 'object', required: ['nodes', 'edges'], properties: { nodes: { type: 'array', items: { type: 'object' } }, edges: { type: 'array', items: { type: 'object' } } } },
          },
        },
        Answer: {
          type: 'object',
          required: ['question', 'answer', 'excerpts', 'sources', 'followUps'],
          properties: {
            question: { type: 'string' },
            goal: { type: 'string' },
            answer: { type: ['string', 'null'], description: 'Markdown quoted from the docs: the sentences that answer, then the list items or table rows that do; null when nothing answers the question.' },
            confidence: { type: 'number', minimum: 0, maximum: 1, description: 'How much of the question the quoted passages hold, read in their sections (rare words weigh more).' },
            partial: { type: 'boolean', description: 'Present and true when the answer holds only part of the question.' },
            unmatched: { type: 'array', items: { type: 'string' }, description: 'With partial: the words of the question that nothing quoted matches.' },
            message: { type: 'string' },
            excerpts: { type: 'array', items: { type: 'object', required: ['text', 'url', 'score'], properties: { text: { type: 'string' }, url: { type: 'string', format: 'uri' }, score: { type: 'number' } } } },
            sources: { type: 'array', items: { $ref: '#/components/schemas/Link' } },
            followUps: { type: 'array', items: { type: 'object', required: ['question', 'url'], properties: { question: { type: 'string' }, url: { type: 'string', format: 'uri' } } } },
          },
        },
        Link: { type: 'object', required: ['title', 'url'], properties: { title: { type: 'string' }, url: { type: 'string', format: 'uri' } } },
        SearchResults: {
          type: 'object',
          required: ['query', 'results'],
          properties: {
            query: { type: 'string' },
            results: { type: 'array', items: { type: 'object', required: ['title', 'url', 'score', 'excerpt'], properties: { title: { type: 'string' }, url: { type: 'string', format: 'uri' }, score: { type: 'number' }, excerpt: { type: 'string' } } } },
          },
        },
        Servers: {
          type: 'object',
          required: ['status', 'updated', 'version', 'feed', 'servers', 'history'],
          properties: {
            status: { type: 'string', enum: ['example', 'published'] },
            updated: { type: 'string', format: 'date', description: 'The date of the last change.' },
            version: { type: 'integer', description: 'Grows with every change: the last change’s date as YYYYMMDD, then its number that day (01, 02, …).' },
            note: { type: 'string', description: 'Why the addresses are examples; only while status is example.' },
            feed: { type: 'string', format: 'uri', description: 'The Atom feed of the list’s changes.' },
            servers: { type: 'array', items: { type: 'object', required: ['address', 'label'], properties: { address: { type: 'string' }, label: { type: 'string' } } } },
            history: {
              type: 'array',
              description: 'Every change, oldest first.',
              items: { type: 'object', required: ['date', 'version', 'added', 'removed'], properties: { date: { type: 'string', format: 'date' }, version: { type: 'integer' }, added: { type: 'array', items: { type: 'string' } }, removed: { type: 'array', items: { type: 'string' } }, note: { type: 'string' } } },
            },
          },
        },
      },
      responses: {
        IpReport: { description: 'The report.', content: { 'application/json': { schema: { $ref: '#/components/schemas/IpReport' }, example: exampleReport } } },
        Error: { description: 'The request cannot be checked as sent; the message says what to change.', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' }, example: { error: 'The "ips" field is missing. Send the IP list as text (any separators) or as an array of strings; send "" to check an empty list.' } } } },
      },
    },
  };
}
