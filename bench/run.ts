/**
 * `npm run bench`: the figures that matter — GitHub requests per handled event and per sweep (the
 * rate limit is the real budget), sweep wall time over thousands of issues, latency, throughput,
 * and the FAQ ranking's precision. `npm run bench -- sweep triage` runs only those.
 */
import { existsSync } from "node:fs";

type Bench = () => Promise<Record<string, number | string>>;

const BENCHES: Record<string, { file: string; fn: string }> = {
  triage: { file: "./triage.ts", fn: "benchTriage" },
  sweep: { file: "./sweep.ts", fn: "benchSweep" },
  report: { file: "./report.ts", fn: "benchReport" },
  board: { file: "./board.ts", fn: "benchBoard" },
  "web-form": { file: "./web-form.ts", fn: "benchWebForm" },
  "faq-ranking": { file: "./faq-ranking.ts", fn: "benchFaqRanking" },
};

const wanted = process.argv.slice(2);
for (const [name, { file, fn }] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  if (!existsSync(new URL(file, import.meta.url))) continue;
  const bench = (await import(file))[fn] as Bench;
  const started = performance.now();
  const figures = await bench();
  console.log(`\n## ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  for (const [key, value] of Object.entries(figures)) console.log(`${key.padEnd(72)} ${value}`);
}
