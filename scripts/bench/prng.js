/**
 * A small seeded pseudo-random number generator (mulberry32), so that the
 * benchmark emails are the same on every machine and every run.
 */

/**
 * Create a deterministic random source.
 *
 * @param {number} seed
 *   Any integer; the same seed gives the same sequence.
 * @returns {{next: () => number, int: (min: number, max: number) => number, pick: <T>(list: ReadonlyArray<T>) => T, chance: (p: number) => boolean}}
 *   `next()` in [0, 1); `int(min, max)` inclusive; `pick(list)`; `chance(p)`.
 */
export function createRandom(seed) {
  let state = seed >>> 0

  function next() {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }

  /**
   * @param {number} min
   * @param {number} max
   */
  function int(min, max) {
    return min + Math.floor(next() * (max - min + 1))
  }

  /**
   * @template T
   * @param {ReadonlyArray<T>} list
   * @returns {T}
   */
  function pick(list) {
    return list[Math.floor(next() * list.length)]
  }

  /** @param {number} p */
  function chance(p) {
    return next() < p
  }

  return {next, int, pick, chance}
}
