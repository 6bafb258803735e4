// Loaded with `node --import` into a benchmarked process: on exit, writes its peak resident memory (KiB).
import { writeFileSync } from 'node:fs';

const target = process.env.INSIGNE_BENCH_RSS;
if (target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS));
  });
}
