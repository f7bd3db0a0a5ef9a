// The AM/PM engine (docs/decisions/0131) on a synthetic set larger than the public sample, generated
// by ampm-generate.ts: accuracy (recall@10, top-1, precision of `match`, true pairs excluded) and
// speed (wall and CPU seconds, peak RSS). Prints ONE JSON line.
// Run: node --import tsx bench/matching/ampm-scale.ts [--reports 5000] [--remains 50000] [--seed 7]
import { loadavg } from 'node:os';
import { generateAmPm } from './ampm-generate.ts';
import { evaluateAmPm } from './ampm-accuracy.ts';

function main(): void {
  const args = process.argv.slice(2);
  const opt = (name: string, d: number): number => {
    const i = args.indexOf(name);
    return i >= 0 ? Number(args[i + 1]) : d;
  };
  const reports = opt('--reports', 5000);
  const remains = opt('--remains', 50000);
  const seed = opt('--seed', 7);
  const t0 = performance.now();
  const set = generateAmPm(reports, remains, seed);
  const generateSeconds = (performance.now() - t0) / 1000;
  const cpu0 = process.cpuUsage();
  const figures = evaluateAmPm(set.reports, set.remains, set.truth);
  const cpu = process.cpuUsage(cpu0);
  console.log(
    JSON.stringify({
      seed,
      generateSeconds: Math.round(generateSeconds * 10) / 10,
      ...figures,
      cpuSeconds: Math.round((cpu.user + cpu.system) / 1e5) / 10,
      peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      loadAverage: Math.round((loadavg()[0] ?? 0) * 10) / 10,
    }),
  );
}

main();
