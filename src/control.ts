/**
 * Inline control in Markdown, HTML and MJML, with unified-message-control:
 *
 * - `<!--trouw ignore rule-id-->`: no findings of that rule in the next block
 *   of copy (a paragraph, heading, list item, button: however many lines);
 * - `<!--trouw disable rule-id-->` … `<!--trouw enable rule-id-->`: none in
 *   between;
 * - without ids (`<!--trouw disable-->`), for every rule.
 *
 * An id may be a rule id (`coercion/minimum-term`), a category (`coercion`),
 * or `category/subtype` (`coercion/lock-in`); the latter two stand for the
 * rules in them. Unknown ids and keywords become warnings in the report.
 *
 * trouw does not keep a syntax tree of the document (see `src/engine.ts`), so
 * this builds the small tree unified-message-control walks from what the
 * format layer found: one `comment` node per control and one `block` node per
 * block of copy, with real positions in the source, in source order. A control
 * is followed by the block it is meant for, so `ignore` covers that block up
 * to its last character.
 */
import {messageControl, type Marker} from 'unified-message-control'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import {location} from 'vfile-location'
import type {Node, Point, Position} from 'unist'
import type {Block, Control, Extracted} from './types.js'
import {assertPlace, setSeverity} from './messages.js'
import {spellingRuleId} from './spelling-rule.js'
import {copyRuns} from './text-util.js'

/** The rule id of the warnings inline control itself raises. */
export const controlRuleId = 'trouw/control'

/** What `applyControls` needs to know of a rule. */
export interface ControlledRule {
  id: string
  category: string
  subtype?: string | undefined
}

interface Vocabulary {
  /** Every rule id a marker may name after expansion. */
  known: string[]
  /** Category and `category/subtype` names, to the rule ids in them. */
  groups: Map<string, string[]>
}

interface SyntheticNode extends Node {
  position: Position
  data?: {marker?: Marker}
}

interface SyntheticRoot extends SyntheticNode {
  type: 'root'
  children: SyntheticNode[]
}

const vocabularies = new WeakMap<readonly ControlledRule[], Vocabulary>()
const verbs = new Set(['ignore', 'disable', 'enable'])
/** Source of control warnings while controls apply, so no control hides them; `trouw` after. */
const controlSource = 'trouw-control'

/**
 * Drop the messages of `file` that inline controls in `extracted` turn off and
 * add a warning for each control that names an unknown rule or keyword. Call it
 * once the messages point into the source (after relocation).
 */
export function applyControls(file: VFile, extracted: Extracted, rules: readonly ControlledRule[]): void {
  const controls = extracted.controls
  if (!controls || controls.length === 0) return
  const vocabulary = vocabularyOf(rules)

  const bySource = new Map<string, Control[]>()
  for (const control of controls) {
    const list = bySource.get(control.source)
    if (list) list.push(control)
    else bySource.set(control.source, [control])
  }

  for (const [source, list] of bySource) {
    const value = extracted.sources[source]
    if (value === undefined) continue
    const part = source === 'file' ? undefined : source
    const target = new VFile({path: file.path, value})
    const others: VFileMessage[] = []
    for (const message of file.messages) {
      if ((message.part ?? 'file') === (part ?? 'file')) target.messages.push(message)
      else others.push(message)
    }
    const tree = syntheticTree(value, list, extracted.blocks, source, target, vocabulary)
    messageControl(tree, {
      file: target,
      name: 'trouw',
      known: vocabulary.known,
      source: 'trouw',
      marker: (node) => (node as SyntheticNode).data?.marker ?? null
    })
    for (const message of target.messages) {
      if (message.source === 'unified-message-control') toControlWarning(message, value)
      if (message.source === controlSource) {
        message.source = 'trouw'
        if (part) message.part = part as VFileMessage['part']
      }
    }
    file.messages = [...others, ...target.messages]
  }
}

/** Rule ids, and categories and subtypes expanded to rule ids (cached per rule list). */
function vocabularyOf(rules: readonly ControlledRule[]): Vocabulary {
  let vocabulary = vocabularies.get(rules)
  if (vocabulary) return vocabulary
  const groups = new Map<string, string[]>()
  const add = (name: string, id: string) => {
    const list = groups.get(name)
    if (list) list.push(id)
    else groups.set(name, [id])
  }
  for (const rule of rules) {
    add(rule.category, rule.id)
    if (rule.subtype) add(`${rule.category}/${rule.subtype}`, rule.id)
  }
  // Spelling is a built-in rule, outside the rule files.
  if (!groups.has('spelling')) add('spelling', spellingRuleId)
  const known = [...new Set([...rules.map((rule) => rule.id), spellingRuleId])]
  vocabulary = {known, groups}
  vocabularies.set(rules, vocabulary)
  return vocabulary
}

/**
 * The tree unified-message-control walks: controls and runs of copy as
 * siblings, in source order, each with its place in `value`.
 */
function syntheticTree(
  value: string,
  controls: readonly Control[],
  blocks: readonly Block[],
  source: string,
  target: VFile,
  vocabulary: Vocabulary
): SyntheticRoot {
  const place = location(value)
  const point = (offset: number): Point => place.toPoint(offset) ?? {line: 1, column: 1, offset}
  const span = (start: number, end: number): Position => ({start: point(start), end: point(end)})
  const children: SyntheticNode[] = []

  for (const control of controls) {
    const position = span(control.offset, control.endOffset)
    assertPlace(position, value.length, controlRuleId)
    const marker = parseControl(control.text, value.slice(control.offset, control.endOffset), position, target, vocabulary)
    if (marker) children.push({type: 'comment', position, data: {marker}})
  }

  // A control inside a run of copy (an inline comment in a paragraph) splits
  // it: `ignore` then covers the rest of that paragraph, as remark would.
  const cuts = controls.map((control) => [control.offset, control.endOffset] as const)
  for (const [start, end] of copyRuns(value, blocks, source)) {
    let from = start
    for (const [cutStart, cutEnd] of cuts) {
      if (cutStart < from || cutEnd > end) continue
      if (cutStart > from) children.push({type: 'block', position: span(from, cutStart)})
      from = cutEnd
    }
    if (end > from) children.push({type: 'block', position: span(from, end)})
  }

  children.sort((a, b) => a.position.start.offset! - b.position.start.offset! || a.position.end.offset! - b.position.end.offset!)
  let end = 0
  for (const child of children) end = Math.max(end, child.position.end.offset!)
  return {type: 'root', children, position: span(0, end)}
}



/**
 * `trouw ignore coercion spelling` to the marker unified-message-control
 * reads, with categories and subtypes expanded to their rule ids. An unknown
 * keyword is reported here (unified-message-control would throw on it) and
 * the comment then does nothing.
 */
function parseControl(
  text: string,
  raw: string,
  position: Position,
  target: VFile,
  vocabulary: Vocabulary
): Marker | undefined {
  const [name, verb, ...ids] = text.split(/\s+/)
  if (name !== 'trouw') return undefined
  if (!verb || !verbs.has(verb)) {
    const message = target.message(
      verb
        ? `\`${verb}\` is not an inline control: write \`<!--trouw ignore RULE-->\`, \`<!--trouw disable RULE-->\` or \`<!--trouw enable RULE-->\``
        : 'an inline control needs a keyword: write `<!--trouw ignore RULE-->`, `<!--trouw disable RULE-->` or `<!--trouw enable RULE-->`',
      {place: position, ruleId: controlRuleId, source: controlSource}
    )
    markAsControlWarning(message, raw)
    return undefined
  }
  const expanded: string[] = []
  for (const id of ids) {
    const group = vocabulary.groups.get(id)
    if (group) expanded.push(...group)
    else expanded.push(id)
  }
  return {name, attributes: [verb, ...expanded].join(' ')}
}

/** Turn unified-message-control's "not known" warning into a trouw notice. */
function toControlWarning(message: VFileMessage, value: string): void {
  const id = /`'(.+?)'`/.exec(message.reason)?.[1] ?? ''
  const start = message.place && 'start' in message.place ? message.place.start.offset ?? 0 : 0
  const end = message.place && 'end' in message.place ? message.place.end.offset ?? start : start
  message.reason = `\`${id}\` is not a trouw rule, category or subtype, so this control does nothing: check the id (\`trouw explain CATEGORY\` lists them)`
  message.ruleId = controlRuleId
  message.source = controlSource
  markAsControlWarning(message, value.slice(start, end))
}

function markAsControlWarning(message: VFileMessage, actual: string): void {
  message.category = 'notice'
  message.actual = actual
  message.expected = []
  message.url = ''
  setSeverity(message, 'warning')
}
