/**
 * Thresholds as rule data, in the style of Vale's `metric` rules: a
 * `formula` over named figures of a sentence and a `condition` the result
 * must meet for the rule to fire.
 *
 *     metric:
 *       formula: boosts + intensity + 0.5 * positives
 *       condition: ">= 3"
 *
 * Formulas know numbers, the figure names a kind offers, `+ - * /`,
 * parentheses, `min(a, b)` and `max(a, b)`. They are compiled once, when the
 * rule is loaded; evaluating one is a walk over a tiny tree.
 */
import {RuleFieldError} from './kind.js'

export type Figures = Readonly<Record<string, number>>

type Node =
  | {type: 'number'; value: number}
  | {type: 'name'; name: string}
  | {type: 'binary'; op: '+' | '-' | '*' | '/'; left: Node; right: Node}
  | {type: 'call'; name: 'min' | 'max'; args: Node[]}

export interface Metric {
  formula: string
  condition: string
  /** The formula's value for these figures. */
  value(figures: Figures): number
  /** Does the value meet the condition? */
  holds(value: number): boolean
}

const comparisons = {
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '==': (a: number, b: number) => a === b
} as const

/**
 * Read `rule.fields.metric` ({formula, condition}); `names` are the figures
 * the kind computes. Throws `RuleFieldError` naming the fix.
 */
export function compileMetric(value: unknown, names: readonly string[]): Metric {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new RuleFieldError(['metric'], '`metric` must be a map with `formula` and `condition` (e.g. `formula: boosts + intensity`, `condition: ">= 3"`)')
  }
  const {formula, condition} = value as Record<string, unknown>
  if (typeof formula !== 'string' || formula.trim() === '') {
    throw new RuleFieldError(['metric', 'formula'], `\`metric.formula\` must be a formula over ${names.join(', ')}`)
  }
  if (typeof condition !== 'string') {
    throw new RuleFieldError(['metric', 'condition'], '`metric.condition` must be a comparison such as ">= 3"')
  }
  const compared = /^\s*(>=|<=|==|>|<)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(condition)
  if (!compared) throw new RuleFieldError(['metric', 'condition'], `\`metric.condition\` must be a comparison such as ">= 3" (got \`${condition}\`)`)
  const compare = comparisons[compared[1] as keyof typeof comparisons]
  const limit = Number(compared[2])
  let tree: Node
  try {
    tree = parse(formula, new Set(names))
  } catch (error) {
    throw new RuleFieldError(['metric', 'formula'], (error as Error).message)
  }
  return {
    formula,
    condition,
    value: (figures) => evaluate(tree, figures),
    holds: (result) => compare(result, limit)
  }
}

function evaluate(node: Node, figures: Figures): number {
  switch (node.type) {
    case 'number':
      return node.value
    case 'name':
      return figures[node.name] ?? 0
    case 'call': {
      const values = node.args.map((arg) => evaluate(arg, figures))
      return node.name === 'min' ? Math.min(...values) : Math.max(...values)
    }
    case 'binary': {
      const left = evaluate(node.left, figures)
      const right = evaluate(node.right, figures)
      if (node.op === '+') return left + right
      if (node.op === '-') return left - right
      if (node.op === '*') return left * right
      return right === 0 ? 0 : left / right
    }
  }
}

/** Recursive descent over `+ -` then `* /` then atoms. */
function parse(source: string, names: ReadonlySet<string>): Node {
  const tokens = source.match(/\d+(?:\.\d+)?|[A-Za-z_][\w]*|[-+*/(),]|\S/g) ?? []
  let position = 0
  const peek = () => tokens[position]
  const take = (expected?: string): string => {
    const token = tokens[position++]
    if (token === undefined || (expected !== undefined && token !== expected)) {
      throw new Error(`cannot read formula \`${source}\`: expected ${expected ?? 'more'} ${token === undefined ? 'at the end' : `before \`${token}\``}`)
    }
    return token
  }

  function sum(): Node {
    let left = product()
    while (peek() === '+' || peek() === '-') {
      const op = take() as '+' | '-'
      left = {type: 'binary', op, left, right: product()}
    }
    return left
  }

  function product(): Node {
    let left = atom()
    while (peek() === '*' || peek() === '/') {
      const op = take() as '*' | '/'
      left = {type: 'binary', op, left, right: atom()}
    }
    return left
  }

  function atom(): Node {
    const token = take()
    if (/^\d/.test(token)) return {type: 'number', value: Number(token)}
    if (token === '(') {
      const inner = sum()
      take(')')
      return inner
    }
    if (token === '-') return {type: 'binary', op: '-', left: {type: 'number', value: 0}, right: atom()}
    if (token === 'min' || token === 'max') {
      take('(')
      const args = [sum()]
      while (peek() === ',') {
        take(',')
        args.push(sum())
      }
      take(')')
      return {type: 'call', name: token, args}
    }
    if (/^[A-Za-z_]/.test(token)) {
      if (!names.has(token)) throw new Error(`unknown figure \`${token}\` in formula \`${source}\`; use ${[...names].join(', ')}`)
      return {type: 'name', name: token}
    }
    throw new Error(`cannot read \`${token}\` in formula \`${source}\``)
  }

  const tree = sum()
  if (position < tokens.length) throw new Error(`cannot read \`${tokens[position]}\` in formula \`${source}\``)
  return tree
}
