/** The shared fuzz tests (test/helpers/fuzz-targets.ts) on the IP reader and the IP checker, one target per exchange. */
import { targets } from '../../helpers/targets.ts';
import { fuzzTargets, groups } from '../../helpers/fuzz-targets.ts';

fuzzTargets(targets.filter(groups.ip));
