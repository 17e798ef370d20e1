/**
 * A stable insertion sort of the first `length` items, in place. The engine sorts a handful of items per
 * sentence (matches, signals, detectors with hits); `Array#sort` allocates a
 * work copy and calls back through a generic path, which costs more than
 * the sorting on so few items.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number, length = items.length): void {
  // Insertion sort is quadratic: a long shouted sentence has thousands of
  // matches. Past a handful, the built-in sort (stable, n log n) is cheaper.
  if (length > 64) {
    const sorted = items.slice(0, length).sort(compare)
    for (let index = 0; index < length; index++) items[index] = sorted[index]
    return
  }
  for (let index = 1; index < length; index++) {
    const item = items[index]
    let at = index - 1
    while (at >= 0 && compare(items[at], item) > 0) {
      items[at + 1] = items[at]
      at--
    }
    items[at + 1] = item
  }
}
