/**
 * Sections and heading ids of a twin: the ids are the HTML page's (github-slugger over the heading
 * text, repeats numbered, a component's fixed id kept), and a section carries its sub-sections.
 */
import { describe, expect, it } from 'vitest';
import { mdxToTree, stringifyMarkdown } from '../../src/agents/markdown';
import { INTRO_ID, sectionBlocks, sectionsOf } from '../../src/agents/sections';
import { headingWithId } from '../../src/agents/mdast';

const tree = (body: string) =>
  mdxToTree(body, { title: 'Page', pagePath: '/page/', components: { Rule: () => [headingWithId('fixed-id', 3, 'Setup')] } });

describe('heading ids', () => {
  it('slug the heading text as Astro does, numbering repeats and keeping fixed ids out of the count', () => {
    const ids = sectionsOf(tree('Intro.\n\n## Setup\n\n<Rule />\n\n### Setup\n\n## Read + Trade\n\n## XAPY’s `servers`\n\ntext')).map((s) => s.id);
    expect(ids).toEqual([INTRO_ID, 'setup', 'fixed-id', 'setup-1', 'read--trade', 'xapys-servers']);
  });
});

describe('sections', () => {
  const t = tree('Intro.\n\n## A\n\nin A\n\n### A1\n\nin A1\n\n## B\n\nin B');
  const sections = sectionsOf(t);
  const text = (id: string) => stringifyMarkdown(sectionBlocks(t, sections.find((s) => s.id === id)!));

  it('carry their sub-sections and stop at the next heading of the same level', () => {
    expect(text('a')).toBe('## A\n\nin A\n\n### A1\n\nin A1\n');
    expect(text('a1')).toBe('### A1\n\nin A1\n');
    expect(text('b')).toBe('## B\n\nin B\n');
  });

  it('know their place in the page', () => {
    expect(sections.find((s) => s.id === 'a1')?.path).toEqual(['A', 'A1']);
    expect(sections[0]).toMatchObject({ id: INTRO_ID, title: 'Page', path: [] });
  });
});
