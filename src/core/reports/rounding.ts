/** Report figures are rounded once, when they are computed, so markdown and JSON show the same numbers. */
export function round(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}
