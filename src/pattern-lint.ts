/**
 * Load-time hints for the one trap of the pattern language that compiles
 * without an error: a bar joins single words, so `a|b c` is "a or b, then
 * c", never "a, or b c" (see docs/writing-rules.md). An author who meant
 * alternatives of several words writes `last chance|final call` and gets
 * "last (chance or final) call". Such a step gives itself away when one of
 * its alternatives repeats the plain word next to it (`in you|that you`,
 * `tick tock|tick`) or when it names the same word twice beside a plain word
 * (`akkoord gegaan|gegaan met`): that is a sequence split at the wrong place.
 * The hint names the step and the group that says what was probably meant.
 */

/** The pattern's steps at the top level: words, alternations, gaps, `( … )` groups. */
function topLevelSteps(source: string): string[] {
  const steps: string[] = []
  let depth = 0
  let current = ''
  for (const char of source.trim()) {
    if (char === '(') depth++
    else if (char === ')') depth = Math.max(0, depth - 1)
    if (char === ' ' && depth === 0) {
      if (current !== '') steps.push(current)
      current = ''
    } else current += char
  }
  if (current !== '') steps.push(current)
  return steps
}

/** A plain literal word (no bar, gap, group, class, word set or star), without its `?`/`!` marks. */
function plainWord(step: string | undefined): string | undefined {
  if (step === undefined || /[|(){}<>*]/.test(step) || step.startsWith('...')) return undefined
  return step.replace(/[?!]+$/, '').toLowerCase()
}

/** A plain word or a bare alternation of words: a step the run of a split group is made of. */
function inRun(step: string | undefined): boolean {
  return step !== undefined && !/[(){}<>*]/.test(step) && !step.startsWith('...')
}

/**
 * The likely `a|b c` traps in one pattern: one line each, naming the step and
 * a group to write instead. Empty when the pattern reads as written.
 */
export function alternationTraps(source: string): string[] {
  const steps = topLevelSteps(source)
  const hints: string[] = []
  for (let index = 0; index < steps.length; index++) {
    const step = steps[index]!
    if (!step.includes('|') || /^[(<{]/.test(step) || step.startsWith('...')) continue
    const alternatives = step.replace(/[?!]+$/, '').split('|').map((word) => word.replace(/[?!]+$/, '').toLowerCase())
    const before = plainWord(steps[index - 1])
    const after = plainWord(steps[index + 1])
    if (before === undefined && after === undefined) continue
    const repeated = alternatives.find((word) => word === before || word === after)
    const twice = new Set(alternatives).size < alternatives.length
    if (repeated === undefined && !twice) continue
    // The run of words and bars around the step is what the author most likely meant as one group.
    let first = index
    while (first > 0 && inRun(steps[first - 1])) first--
    let last = index
    while (last < steps.length - 1 && inRun(steps[last + 1])) last++
    const span = steps.slice(first, last + 1).join(' ')
    if (repeated !== undefined) {
      hints.push(`\`${step}\` repeats \`${repeated}\` next to it: a bar joins single words, so \`${span}\` is not a choice of phrases; for alternatives of several words write a group, \`(${span})\` (see docs/writing-rules.md)`)
    } else {
      hints.push(`\`${step}\` names one word twice: drop the repeat, or, if alternatives of several words were meant, write a group, \`(${span})\` (see docs/writing-rules.md)`)
    }
  }
  return hints
}
