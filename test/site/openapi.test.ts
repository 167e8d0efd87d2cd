/**
 * /openapi.json as an agent's tooling reads it: a structurally valid OpenAPI 3.1 document whose
 * examples fit their schemas, and whose schemas describe what the live endpoints really return.
 */
import { describe, expect, it, inject } from 'vitest';

const base = inject('baseUrl');
type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any
const doc: Json = await (await fetch(`${base}/openapi.json`)).json();

function resolve(node: Json): Json {
  if (!node?.$ref) return node;
  const target = (node.$ref as string).slice(2).split('/').reduce((o: Json, k: string) => o?.[k], doc);
  expect(target, `${node.$ref} resolves`).toBeDefined();
  return resolve(target);
}

/** The subset of JSON Schema the document uses: type, enum, required, properties, items, oneOf. Returns the problems. */
function check(schema: Json, value: unknown, at = '$'): string[] {
  const s = resolve(schema);
  if (s.oneOf) return s.oneOf.some((alt: Json) => check(alt, value, at).length === 0) ? [] : [`${at}: matches no alternative`];
  const types: string[] = s.type === undefined ? [] : [s.type].flat();
  const actual = value === null ? 'null' : Array.isArray(value) ? 'array' : Number.isInteger(value) ? 'integer' : typeof value;
  if (types.length && !types.includes(actual) && !(actual === 'integer' && types.includes('number'))) return [`${at}: ${actual} is not ${types.join('|')}`];
  if (s.enum && !s.enum.includes(value)) return [`${at}: ${JSON.stringify(value)} not in enum`];
  const problems: string[] = [];
  if (actual === 'object') {
    const obj = value as Record<string, unknown>;
    for (const key of s.required ?? []) if (!(key in obj)) problems.push(`${at}.${key}: missing`);
    for (const [key, sub] of Object.entries(s.properties ?? {})) if (key in obj) problems.push(...check(sub, obj[key], `${at}.${key}`));
  }
  if (actual === 'array' && s.items) (value as unknown[]).forEach((v, i) => problems.push(...check(s.items, v, `${at}[${i}]`)));
  return problems;
}

const operations = Object.entries(doc.paths as Record<string, Json>).flatMap(([path, item]) =>
  Object.entries(item).map(([method, op]) => ({ path, method, op: op as Json })),
);

describe('/openapi.json', () => {
  it('is an OpenAPI 3.1 document with info, a server and paths', () => {
    expect(doc.openapi).toMatch(/^3\.1\.\d+$/);
    expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(doc.servers[0].url).toBe('https://docs.xapy.io');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/check/ips', '/{page}.md', '/search.md']));
  });

  it('gives every operation a unique id, a summary and responses with descriptions', () => {
    const ids = operations.map((o) => o.op.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, op } of operations) {
      expect(op.summary, `${method} ${path}`).toBeTruthy();
      expect(Object.keys(op.responses).length).toBeGreaterThan(0);
      for (const [status, r] of Object.entries(op.responses)) {
        expect(status).toMatch(/^[1-5]\d\d$/);
        expect(resolve(r).description, `${method} ${path} ${status}`).toBeTruthy();
      }
    }
  });

  it('declares every path parameter and names every parameter’s place', () => {
    for (const { path, op } of operations) {
      const inPath = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const declared = (op.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name);
      expect(declared.sort()).toEqual(inPath.sort());
      for (const p of op.parameters ?? []) expect(['query', 'path', 'header', 'cookie']).toContain(p.in);
    }
  });

  it('has examples that fit their schemas', () => {
    let examples = 0;
    const visit = (content: Json, where: string) => {
      for (const [type, media] of Object.entries(content ?? {}) as [string, Json][]) {
        if (media.example === undefined) continue;
        examples++;
        expect(check(media.schema, media.example), `${where} ${type}`).toEqual([]);
      }
    };
    for (const { path, method, op } of operations) {
      visit(op.requestBody?.content, `${method} ${path} request`);
      for (const [status, r] of Object.entries(op.responses)) visit(resolve(r).content, `${method} ${path} ${status}`);
      for (const p of op.parameters ?? []) if (p.example !== undefined) expect(check(p.schema, p.example), p.name).toEqual([]);
    }
    expect(examples).toBeGreaterThanOrEqual(2);
  });

  it('describes what the live endpoints return', async () => {
    const post = doc.paths['/api/check/ips'].post;
    const body = post.requestBody.content['application/json'].example;
    const report = await (await fetch(`${base}/api/check/ips`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })).json();
    expect(check(resolve(post.responses[200]).content['application/json'].schema, report)).toEqual([]);
    expect(report).toEqual(resolve(post.responses[200]).content['application/json'].example);

    const askOp = doc.paths['/{page}.md'].get;
    const example = (name: string) => askOp.parameters.find((p: Json) => p.name === name).example;
    const answer = await (await fetch(`${base}/${example('page')}.md?${new URLSearchParams({ ask: example('ask'), goal: example('goal') })}`, { headers: { Accept: 'application/json' } })).json();
    expect(check(askOp.responses[200].content['application/json'].schema, answer)).toEqual([]);
    const section = await fetch(`${base}/${example('page')}.md?section=${example('section')}`);
    expect(section.status).toBe(200);

    const search = await (await fetch(`${base}/search.md?q=withdrawal`, { headers: { Accept: 'application/json' } })).json();
    expect(check(doc.paths['/search.md'].get.responses[200].content['application/json'].schema, search)).toEqual([]);
    for (const path of ['/api/check/key', '/api/check/addresses']) {
      const op = doc.paths[path].post;
      const request = op.requestBody.content['application/json'].example;
      const live = await (await fetch(`${base}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(request) })).json();
      expect(check(op.responses[200].content['application/json'].schema, live), path).toEqual([]);
      expect(live, path).toEqual(op.responses[200].content['application/json'].example);
    }

    const bad = await fetch(`${base}/api/check/ips`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
    expect(check(resolve(post.responses[400]).content['application/json'].schema, await bad.json())).toEqual([]);
  });
});
