// Small numeric helpers for the benchmark.

export function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export const median = (values) => quantile(values, 0.5);

export const round = (x) => Math.round(x * 100) / 100;

/** A row of the table: a figure, its value, its bar ("" when none) and whether it is met. */
export function row(figure, value, bar = "", ok = null) {
  return { figure, value, bar, ok };
}
