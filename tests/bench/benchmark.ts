/** One benchmark: a name and a run that returns its figures (numbers with units in the key names). */
export interface Benchmark {
  readonly name: string;
  run(): Promise<Record<string, unknown>>;
}

/** The median of a list of numbers (the list is not changed). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
