/**
 * One argument parser for every command: `node:util` parseArgs in strict
 * mode, its error cut to one line and thrown as a `UsageError` that points at
 * the command's own help, with "did you mean" for a misspelt option.
 */
import {parseArgs, type ParseArgsConfig} from 'node:util'

export class UsageError extends Error {
  /** The command whose `--help` the error points at (default: none, `trouw --help`). */
  readonly command: string | undefined
  constructor(message: string, command?: string) {
    super(message)
    this.command = command
  }

  override toString(): string {
    return `${this.message} (see \`trouw ${this.command ? this.command + ' ' : ''}--help\`)`
  }
}

export function parseCommandArgs<T extends ParseArgsConfig>(config: T, command?: string): ReturnType<typeof parseArgs<T>> {
  try {
    return parseArgs(config)
  } catch (error) {
    const line = (error as Error).message.split('\n')[0].replace(/\. To specify.*$/, '')
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^'=]*)/.exec(line)?.[1] : undefined
    if (unknown) {
      const options = Object.entries(config.options ?? {}).flatMap(([name, option]) => [`--${name}`, ...(option.short ? [`-${option.short}`] : [])])
      const near = didYouMean(unknown, options.filter((option) => option.startsWith('--')))
      throw new UsageError(`unknown option \`${unknown}\`${near ? `: did you mean \`${near}\`?` : ''}`, command)
    }
    throw new UsageError(line, command)
  }
}

/**
 * The candidate nearest to `word` by edit distance (insert, delete, replace,
 * swap two neighbours), when it is near enough to be a slip: at most 1 edit
 * for words up to 4 characters, 2 up to 8, 3 beyond (default: none).
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const limit = word.length <= 4 ? 1 : word.length <= 8 ? 2 : 3
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= limit && bestDistance > 0 ? best : undefined
}

/** Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring). */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({length: a.length + 1}, (_, i) => [i, ...Array<number>(b.length).fill(0)])
  for (let j = 1; j <= b.length; j++) rows[0][j] = j
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let value = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, rows[i - 2][j - 2] + 1)
      rows[i][j] = value
    }
  }
  return rows[a.length][b.length]
}
