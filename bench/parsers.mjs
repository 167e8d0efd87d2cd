// The parsers and rule sets of test/helpers/targets.ts: a 1 MB paste into each checker (target
// ≤ 50 ms), and ms per kB on inputs built for catastrophic regex backtracking or deep nesting, at
// two sizes: a figure that grows with size means super-linear time.
import { adversarial, bigPaste, runTarget, targets } from '../test/helpers/targets.ts';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
function time(fn, text, runs) {
  fn(text);
  const ts = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn(text);
    ts.push(performance.now() - t0);
  }
  return median(ts);
}

const mb = bigPaste(1 << 20);
const paste = targets.filter((t) => t.input === 'paste').flatMap((t) => [[t, 'an IP list', mb], ...(t.bigInput ? [[t, 'its own input', t.bigInput(1 << 20)]] : [])]).map(([t, what, text]) => {
  const ms = time((x) => runTarget(t, x), text, 7);
  return { target: t.name, paste: what, '1 MB paste, median ms': ms.toFixed(1), 'target ≤ 50 ms': ms <= 50 ? 'yes' : 'NO' };
});
console.log('\nA 1 MB paste into each checker: an IP list (bigPaste), and for the other checkers 1 MB of what they read (bigInput)');
console.table(paste);

const rows = [];
for (const t of targets) {
  // Authors' MDX and data files are slower per kB (remark, YAML + zod): smaller sizes keep the run
  // bounded. The yaml package is exponential on nested flow collections ('{'×400 takes ~0.2 s,
  // '{'×800 ~12 s), so data files are timed at 200 → 400 characters.
  const [small, large] = t.input === 'paste' ? [16_000, 128_000] : t.name.startsWith('data:') ? [200, 400] : [2_000, 8_000];
  const row = { target: t.name, sizes: `${small / 1000}k → ${large / 1000}k chars` };
  let worst = 0;
  for (const [name, make] of Object.entries(adversarial)) {
    if (process.env.BENCH_VERBOSE) console.error(t.name, name);
    try {
      const a = time((x) => runTarget(t, x), make(small), 3) / (small / 1024);
      const b = time((x) => runTarget(t, x), make(large), 3) / (large / 1024);
      worst = Math.max(worst, b / Math.max(a, 0.001));
      row[name] = `${a.toFixed(3)} → ${b.toFixed(3)}`;
    } catch (e) {
      // e.g. remark's recursion on ~1,000 nested block quotes and lists in authors' MDX
      row[name] = `throws ${e.name}`;
    }
  }
  row['worst growth'] = `${worst.toFixed(1)}×`;
  rows.push(row);
}
console.log('\nAdversarial inputs: ms per kB at the smaller → larger size (linear: about equal; worst growth ≈ 1×)');
console.table(rows.map(({ target, sizes, 'worst growth': w }) => ({ target, sizes, 'worst growth of ms/kB': w })));
console.table(rows.map(({ sizes: _s, 'worst growth': _w, ...r }) => r));
