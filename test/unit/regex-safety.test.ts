/**
 * No regular expression in src/ can be driven into catastrophic backtracking: recheck (a ReDoS
 * checker that proves linear time or finds an attack string, exponential or polynomial) reads
 * every regex literal of every module and of every .astro component's frontmatter and scripts, and no RegExp is
 * built at run time, where no checker could see it. A failure names the file, the line, the
 * regex and recheck's attack string. The adversarial timing tests of test/helpers/fuzz-targets.ts
 * cover the libraries' regexes (ipaddr.js, micromark, yaml).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';
import { expect, it } from 'vitest';

const files = readdirSync('src', { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|mjs|astro)$/.test(f)).map((f) => join('src', f)).sort();

interface Found { file: string; line: number; text: string; source?: string; flags?: string }

/** The code of a file, in pieces with the line each starts on: an .astro file's frontmatter and scripts. */
function codeOf(file: string): { code: string; line: number }[] {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.astro')) return [{ code: text, line: 1 }];
  const lineAt = (index: number) => text.slice(0, index).split('\n').length;
  return [...text.matchAll(/^---\n([\s\S]*?)\n---$|<script\b[^>]*>([\s\S]*?)<\/script>/gm)]
    .map((m) => ({ code: m[1] ?? m[2]!, line: lineAt(m.index + m[0].indexOf(m[1] ?? m[2]!)) }));
}

/** An .astro template's own code, outside its frontmatter and scripts, where a regex would go unchecked. */
function templateRegexes(file: string): string[] {
  if (!file.endsWith('.astro')) return [];
  const template = readFileSync(file, 'utf8').replace(/^---\n[\s\S]*?\n---$|<script\b[^>]*>[\s\S]*?<\/script>/gm, '');
  return [...template.matchAll(/\.(?:replace|replaceAll|test|match|matchAll|split|search|exec)\(\s*\/|RegExp/g)].map((m) => `${file}: ${m[0]}`);
}

/** The regex literals, and the RegExp built at run time, of one file. */
function regexesIn(file: string): { literals: Found[]; built: Found[] } {
  const literals: Found[] = [];
  const built: Found[] = [];
  for (const { code, line } of codeOf(file)) {
    const source = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
    const at = (node: ts.Node) => line + source.getLineAndCharacterOfPosition(node.getStart()).line;
    const visit = (node: ts.Node) => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText();
        const end = literal.lastIndexOf('/');
        literals.push({ file, line: at(node), text: literal, source: literal.slice(1, end), flags: literal.slice(end + 1) });
      }
      if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
        built.push({ file, line: at(node), text: node.getText().slice(0, 120) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return { literals, built };
}

const found = files.map(regexesIn);
const literals = found.flatMap((f) => f.literals);

it('finds the regular expressions to check', () => {
  expect(files.length).toBeGreaterThan(50);
  expect(literals.length).toBeGreaterThan(40);
});

it('builds no regular expression at run time, from visitors’ input or any other text', () => {
  expect(found.flatMap((f) => f.built).map((b) => `${b.file}:${b.line} ${b.text}`)).toEqual([]);
});

it('keeps the regexes of .astro components in their code, where this test reads them', () => {
  expect(files.flatMap(templateRegexes)).toEqual([]);
});

it('has no regex that backtracks in more than linear time (recheck)', () => {
  const unsafe = literals.flatMap(({ file, line, text, source, flags }) => {
    const result = checkSync(source!, flags!, { timeout: 30_000 });
    if (result.status === 'safe') return [];
    const why = result.status === 'vulnerable' ? `${result.complexity.type}, attack: ${result.attack.pattern}` : `${result.status}: ${JSON.stringify(result.error)}`;
    return [`${file}:${line} ${text} is ${why}`];
  });
  expect(unsafe).toEqual([]);
}, 300_000);
