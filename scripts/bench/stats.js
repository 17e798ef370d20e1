/**
 * Small statistics helpers for the benchmark.
 */

/**
 * The median of a list of numbers (the mean of the middle two for an even
 * count), or null for an empty list.
 *
 * @param {ReadonlyArray<number>} values
 * @returns {number | null}
 */
export function median(values) {
  if (values.length === 0) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}
