/**
 * Mermaid chart blocks for the report (GitHub renders ```mermaid fences): xychart-beta bars and pies.
 * Labels are quoted and stripped of quotes, so ticket data can never break a chart's syntax.
 */

export interface BarSeries {
  title: string;
  categories: string[];
  yAxis: string;
  bars: number[];
  /** An optional line drawn over the bars, e.g. the plan. */
  line?: number[];
  /** The y axis's top; by default the largest value (and at least 1). */
  yMax?: number;
}

export function barChart(chart: BarSeries): string {
  const values = [...chart.bars, ...(chart.line ?? [])];
  const yMax = chart.yMax ?? Math.max(1, ...values.map((v) => Math.ceil(v)));
  return fence([
    "xychart-beta",
    `  title ${quote(chart.title)}`,
    `  x-axis [${chart.categories.map(quote).join(", ")}]`,
    `  y-axis ${quote(chart.yAxis)} 0 --> ${yMax}`,
    `  bar [${chart.bars.join(", ")}]`,
    ...(chart.line ? [`  line [${chart.line.join(", ")}]`] : []),
  ]);
}

/** A pie of the slices with a positive value; undefined when there is nothing to draw. */
export function pieChart(title: string, slices: { label: string; value: number }[]): string | undefined {
  const drawn = slices.filter((s) => s.value > 0);
  if (drawn.length === 0) return undefined;
  return fence(["pie showData", `  title ${title.replace(/["\n\r]/g, "")}`, ...drawn.map((s) => `  ${quote(s.label)} : ${s.value}`)]);
}

function quote(label: string): string {
  return `"${label.replace(/["\n\r]/g, "")}"`;
}

function fence(lines: string[]): string {
  return ["```mermaid", ...lines, "```"].join("\n");
}
