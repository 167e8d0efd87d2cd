/** The shared fuzz tests (test/helpers/fuzz-targets.ts) on the key checker (one target per exchange) and the withdrawal loop checker. */
import { targets } from '../../helpers/targets.ts';
import { fuzzTargets, groups } from '../../helpers/fuzz-targets.ts';

fuzzTargets(targets.filter(groups.checkers));
