/** The shared fuzz tests (test/helpers/fuzz-targets.ts) on the readers of authors' files (MDX, data files). */
import { expect, it } from 'vitest';
import { targets } from '../../helpers/targets.ts';
import { fuzzTargets, groups } from '../../helpers/fuzz-targets.ts';

fuzzTargets(targets.filter(groups.sources));

it('every target is fuzzed by exactly one of the targets-*.test.ts files', () => {
  expect(targets.filter((t) => Object.values(groups).filter((inGroup) => inGroup(t)).length !== 1).map((t) => t.name)).toEqual([]);
});
