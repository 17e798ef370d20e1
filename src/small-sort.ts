/**
 * A stable insertion sort of the first `length` items, in place. The engine sorts a handful of items per
 * sentence (matches, signals, detectors with hits); `Array#sort` allocates a
 * work copy and calls back through a generic path, which costs more than
 * the sorting on so few items.
 */
export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number, length = items.length): void {
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
