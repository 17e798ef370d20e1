/**
 * The one engine run that the CLI, the API, the HTTP service and the language
 * server share: bytes in, one `VFile` out with messages (positions in the file
 * as an editor shows it) and figures and scores on `file.data.trouw`.
 *
 * Why not remark-retext / rehype-retext: they build one nlcst tree for a whole
 * document, and the retext parser is superlinear on big trees. The format
 * layer (`src/formats/`) cuts the copy into bounded blocks with an offset map
 * instead, which also lets `.eml` parts, MJML and alt text share one path.
 */
import {unified, type Processor} from 'unified'
import {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'
import type {Root} from 'nlcst'
import type {Position} from 'unist'
import type {Block, BlockRole, Extracted, FormatName, Language, PartName, Place, SentenceFigures, SeverityOrOff, TrouwData} from './types.js'
import {extract} from './formats/index.js'
import {toSourceOffset} from './formats/offsets.js'
import {rawPlacer, type RawLocated} from './formats/eml-raw.js'
import {maskSyntax} from './mask.js'
import {floorIndex, LineIndex} from './line-index.js'
import {retextTrouw, severityOf} from './plugin.js'
import {spellingRuleId} from './spelling-rule.js'
import {loadRules, type Rule, type RuleSet} from './rule-loader.js'
import {detectLanguageIn} from './language.js'
import {compareMessages, createMessage, oncePerSpan, relocate} from './messages.js'
import {EvidenceCollector, scoreFile} from './score/index.js'
import {allowFilter, applyAllow} from './allow.js'
import {applyControls} from './control.js'
import {ownString} from './text-util.js'

export interface CheckOptions {
  /** File path: names the file in reports and picks the format by extension (default: none, `<stdin>`). */
  path?: string | null
  /** Input format (default: from the extension, else sniffed). */
  format?: FormatName | null
  /** Language, or `auto` to detect it per file (default: `auto`). */
  lang?: Language | 'auto' | null
  /** Severity per rule id, `category/subtype` or category; `off` turns it off (default: each rule's own). */
  rules?: Readonly<Record<string, SeverityOrOff>> | null
  /** Rule ids, categories or phrases that never raise a finding (default: none). */
  allow?: readonly string[] | null
  /** Check spelling (default: false). */
  spell?: boolean | null
  /** Extra words the spell checker accepts (default: none). */
  words?: readonly string[] | null
  /** English spelling: American or British (default: `us`). */
  variant?: 'us' | 'gb' | null
  /** Rules to use (default: the rules shipped in `rules/`). */
  ruleSet?: RuleSet | null
  /** Largest input in bytes (default: 10 MB). */
  maxBytes?: number | null
  /** Keep an `.eml` file's decoded parts on `file.data.trouw.parts`, to show findings in them (default: false). */
  parts?: boolean | null
  /**
   * Keep each sentence's figures on `file.data.trouw.sentences` (default:
   * true). Without them a big file is scored batch by batch, in bounded
   * memory (see `scoresByBatch`).
   */
  sentences?: boolean | null
}

type RetextProcessor = Processor<Root, Root, Root, undefined, undefined>
const processors = new Map<string, RetextProcessor>()

async function processorFor(lang: Language, options: Readonly<CheckOptions>): Promise<RetextProcessor> {
  const ruleSet = options.ruleSet ?? loadRules()
  const spell = Boolean(options.spell) && severityOf(spellingRule, options.rules) !== 'off'
  // The plain case (no settings) gets a plain key: this runs once per check.
  const plain = !options.rules && !options.ruleSet && !spell && !options.words?.length && !options.variant
  const key = plain ? lang : JSON.stringify([lang, options.rules ?? {}, options.ruleSet ? ruleSetId(options.ruleSet) : 0, spell, options.words ?? [], options.variant ?? 'us'])
  let processor = processors.get(key)
  if (!processor) {
    // Load only the parser (and the speller) this run needs: cold start counts.
    const parser = lang === 'nl' ? (await import('retext-dutch')).default : (await import('retext-english')).default
    let chain = unified()
      .use(parser)
      .use(retextTrouw, {lang, rules: ruleSet, severities: options.rules})
    if (spell) {
      const [{createSpeller}, {retextTrouwSpell}] = await Promise.all([import('./spell/index.js'), import('./spell-plugin.js')])
      const speller = await createSpeller(lang, {words: options.words, variant: options.variant})
      const severity = severityOf(spellingRule, options.rules)
      chain = chain.use(retextTrouwSpell, {speller, severity: severity === 'off' ? 'warning' : severity})
    }
    processor = chain as unknown as RetextProcessor
    processor.freeze()
    if (processors.size > 64) processors.clear()
    processors.set(key, processor)
  }
  return processor
}

/** Spelling is a built-in rule: config can set it by id or as the `spelling` category. */
const spellingRule: Pick<Rule, 'id' | 'category' | 'severity'> = {id: spellingRuleId, category: 'spelling', severity: 'warning'}

const ruleSetIds = new WeakMap<RuleSet, number>()
let nextRuleSetId = 1
function ruleSetId(set: RuleSet): string {
  let id = ruleSetIds.get(set)
  if (id === undefined) ruleSetIds.set(set, (id = nextRuleSetId++))
  return String(id)
}

/** Check copy: a string or bytes in, a `VFile` with messages and `file.data.trouw` out. */
export async function check(value: string | Uint8Array, options?: Readonly<CheckOptions> | null): Promise<VFile> {
  const settings = options ?? {}
  const extracted = await extract(value, {
    path: settings.path ?? undefined,
    format: settings.format ?? undefined,
    maxBytes: settings.maxBytes ?? undefined
  })
  return checkCopy(extracted, settings, true)
}

function* blockTexts(blocks: readonly Block[]): Generator<string> {
  for (const block of blocks) yield block.text
}

/** Pick the language: the user's, else detected on a sample of the copy. */
function chooseLanguage(extracted: Extracted, wanted: CheckOptions['lang']): {lang: Language; unsure?: number} {
  if (wanted === 'en' || wanted === 'nl') return {lang: wanted}
  const guess = detectLanguageIn(blockTexts(extracted.blocks))
  if (guess.lang) return {lang: guess.lang}
  return {lang: 'en', unsure: guess.confidence}
}

/** Check copy the format layer extracted (`extract` in `src/formats/`). */
export async function checkExtracted(extracted: Extracted, options: Readonly<CheckOptions>): Promise<VFile> {
  return checkCopy(extracted, options, false)
}

/** `owned`: the extracted copy is the engine's own (`check` made it), so a big file's blocks may go as they are checked. */
async function checkCopy(extracted: Extracted, options: Readonly<CheckOptions>, owned: boolean): Promise<VFile> {
  const path = options.path ?? undefined
  const file = new VFile({path, value: extracted.sources.file ?? ''})
  const {lang, unsure} = chooseLanguage(extracted, options.lang)
  const data: TrouwData = {language: lang, format: extracted.format, sentences: []}
  file.data.trouw = data
  if (options.parts && extracted.format === 'eml') data.parts = extracted.sources

  // The notice says something only when there are words whose language matters.
  if (unsure !== undefined && extracted.blocks.some((block) => /\p{L}\p{L}/u.test(block.text))) {
    createMessage(file, {
      ruleId: 'trouw/language',
      category: 'notice',
      severity: 'info',
      explanation: 'could not tell whether this is English or Dutch; checked it as English. Pass `--lang nl` or `--lang en` to choose',
      actual: '',
      expected: [],
      url: '',
      place: {start: {line: 1, column: 1, offset: 0}, end: {line: 1, column: 1, offset: 0}}
    })
  }

  const processor = await processorFor(lang, options)
  const lineIndexes = new Map<string, LineIndex>()
  const linesOf = (source: string): LineIndex => {
    let lines = lineIndexes.get(source)
    if (!lines) lineIndexes.set(source, (lines = new LineIndex(extracted.sources[source] ?? '')))
    return lines
  }

  // For `.eml`: what makes two findings the same issue (see `onceAcrossParts`).
  const sameness = new WeakMap<VFileMessage, string>()
  // Spelling's budget and count are the file's, not each batch's.
  const trouwSpelling = {found: 0}
  // Scored batch by batch, each batch's sentences dropped once folded in, where the copy allows it.
  const collector = options.sentences === false && scoresByBatch(extracted) ? new EvidenceCollector(lang, {gatherLowerCase: true}) : undefined
  const allowed = collector ? allowFilter(options.allow ?? []) : undefined
  for (const batch of batchesOf(extracted.blocks, owned && collector !== undefined)) {
    const batchFile = new VFile({value: batch.text, data: {trouw: {language: lang, format: extracted.format, sentences: []}, trouwMasks: batch.masks, trouwPlain: batch.plain, trouwBlocks: {starts: batch.starts, roles: batch.roles}, trouwSpelling}})
    const tree = processor.parse(batchFile) as Root
    processor.runSync(tree, batchFile)

    /** The index of the block an offset in the batch text falls in. */
    const blockAt = (offset: number): number => floorIndex(batch.starts, offset)
    const toPlace = (start: number, end: number, index = blockAt(start)): Place => {
      const block = batch.blocks[index]
      const base = batch.starts[index]
      const from = toSourceOffset(block, start - base)
      const to = end > start ? toSourceOffset(block, end - base, 'end') : from
      const lines = linesOf(block.source)
      // An offset outside the source (never expected) is placed at 1:1.
      const a = lines.lineOf(from)
      const b = lines.lineOf(to)
      return {
        line: a === -1 ? 1 : a + 1,
        column: a === -1 ? 1 : lines.columnOf(from, a),
        endLine: b === -1 ? 1 : b + 1,
        endColumn: b === -1 ? 1 : lines.columnOf(to, b),
        offset: from,
        endOffset: to
      }
    }

    const batchMessages: VFileMessage[] = []
    for (const message of batchFile.messages) {
      const place = message.place && 'start' in message.place ? message.place : undefined
      const start = place?.start.offset ?? 0
      const end = place?.end.offset ?? start
      const index = blockAt(start)
      const mapped = toPlace(start, end, index)
      if (extracted.format === 'eml') sameness.set(message, samenessOf(message, batch.plain, batch.starts[index], batch.starts[index] + batch.blocks[index].text.length, start, end))
      relocate(
        message,
        {
          start: {line: mapped.line, column: mapped.column, offset: mapped.offset},
          end: {line: mapped.endLine, column: mapped.endColumn, offset: mapped.endOffset}
        },
        batch.blocks[index].part,
        (extracted.sources[batch.blocks[index].source] ?? '').length
      )
      const sentencePlace = message.sentencePlace
      if (sentencePlace) {
        const from = sentencePlace.start.offset ?? start
        const to = sentencePlace.end.offset ?? end
        const where = toPlace(from, to, index)
        message.sentencePlace = {
          start: {line: where.line, column: where.column, offset: where.offset},
          end: {line: where.endLine, column: where.endColumn, offset: where.endOffset}
        }
      }
      message.file = file.path ?? ''
      if (allowed && !allowed(message)) continue
      ownStrings(message)
      file.messages.push(message)
      batchMessages.push(message)
    }
    const sentences = batchFile.data.trouw!.sentences
    for (const sentence of sentences) placeSentence(sentence, batch.blocks[blockAt(sentence.start)], toPlace)
    if (collector) collector.add(sentences, batchMessages)
    else for (const sentence of sentences) data.sentences.push(sentence)
  }

  applyControls(file, extracted, (options.ruleSet ?? loadRules()).rules)
  applyAllow(file, options.allow ?? [])
  if (extracted.format === 'eml') onceAcrossParts(file, sameness)
  if (extracted.raw !== undefined) placeInRaw(file, data.sentences, extracted.raw, extracted.sources)
  file.messages.sort(compareMessages)
  scoreFile(file, collector)
  if (options.sentences === false) data.sentences = []
  // After the score (made from every finding): one finding per span in the reports.
  file.messages = oncePerSpan(file.messages)
  return file
}

/**
 * `.eml`: every report points into the raw message, as an editor shows it.
 * Each finding keeps its place in the decoded part (`place`, what fixes,
 * the score and the language server read) and gets its raw place on
 * `message.raw`; score signals (evidence) are placed in the raw message.
 */
function placeInRaw(file: VFile, sentences: SentenceFigures[], raw: string, sources: Readonly<Record<string, string>>): void {
  const placer = rawPlacer(raw, sources)
  const lines = new LineIndex(raw)
  const toRaw = (part: PartName, start: number, end: number): {place: Place; located: RawLocated} => {
    const found = placer(part, start, end)
    const a = lines.lineOf(found.start)
    const b = lines.lineOf(found.end)
    return {
      place: {line: a + 1, column: lines.columnOf(found.start, a), endLine: b + 1, endColumn: lines.columnOf(found.end, b), offset: found.start, endOffset: found.end},
      located: found.located
    }
  }
  const position = (place: Place): Position => ({
    start: {line: place.line, column: place.column, offset: place.offset},
    end: {line: place.endLine, column: place.endColumn, offset: place.endOffset}
  })
  for (const message of file.messages) {
    const part = message.part
    const place = message.place && 'start' in message.place ? message.place : undefined
    if (!part || !place) continue
    const start = place.start.offset ?? 0
    const found = toRaw(part, start, place.end.offset ?? start)
    message.raw = {place: position(found.place), located: found.located}
    const sentence = message.sentencePlace
    if (sentence && sentence.start.offset !== undefined) message.raw.sentence = position(toRaw(part, sentence.start.offset, sentence.end.offset ?? sentence.start.offset).place)
  }
  for (const sentence of sentences) {
    if (!sentence.part) continue
    for (const signal of sentence.signals) if (signal.place) signal.place = toRaw(sentence.part, signal.place.offset, signal.place.endOffset).place
  }
}

/**
 * A multipart/alternative mail says the same thing in its HTML and its text
 * part: a finding there is one issue. Keep the first (the HTML part's, which
 * comes first) and name the other parts that hold it in `alsoIn`. Findings
 * are the same when their rule, their words and the words around them in
 * their block (letters and digits only: markup, spacing and line breaks
 * aside) are.
 */
function onceAcrossParts(file: VFile, sameness: WeakMap<VFileMessage, string>): void {
  const seen = new Map<string, VFileMessage>()
  const kept: VFileMessage[] = []
  for (const message of file.messages) {
    const part = message.part
    if (part !== 'html' && part !== 'text') {
      kept.push(message)
      continue
    }
    const key = sameness.get(message)
    if (key === undefined) {
      kept.push(message)
      continue
    }
    const first = seen.get(key)
    if (first === undefined) {
      seen.set(key, message)
      kept.push(message)
    } else if (first.part !== part) {
      if (!(first.alsoIn ??= []).includes(part)) first.alsoIn.push(part)
    } else kept.push(message)
  }
  file.messages = oncePerWords(kept, sameness)
}

/**
 * The same finding whose surroundings differ on one side between the parts
 * (a button "No thanks, I'd rather pay more" in the HTML, the same words
 * before a link in the text): a rule and its words that occur once in the
 * HTML part and once in the text part, both without a twin yet, with the
 * same words before them or the same words after them, are one issue too.
 */
function oncePerWords(messages: VFileMessage[], sameness: WeakMap<VFileMessage, string>): VFileMessage[] {
  const byWords = new Map<string, {html: VFileMessage[]; text: VFileMessage[]}>()
  for (const message of messages) {
    if ((message.part !== 'html' && message.part !== 'text') || message.alsoIn || !sameness.has(message)) continue
    const [rule, words] = sameness.get(message)!.split('\u0000')
    const key = rule + '\u0000' + words
    let entry = byWords.get(key)
    if (!entry) byWords.set(key, (entry = {html: [], text: []}))
    entry[message.part].push(message)
  }
  const dropped = new Set<VFileMessage>()
  for (const {html, text} of byWords.values()) {
    if (html.length !== 1 || text.length !== 1) continue
    const [, , beforeHtml, afterHtml] = sameness.get(html[0])!.split('\u0000')
    const [, , beforeText, afterText] = sameness.get(text[0])!.split('\u0000')
    if (beforeHtml !== beforeText && afterHtml !== afterText) continue
    html[0].alsoIn = ['text']
    dropped.add(text[0])
  }
  return dropped.size === 0 ? messages : messages.filter((message) => !dropped.has(message))
}

const notWord = /[^\p{L}\p{N}]+/gu

/** A finding's rule, words and up to 40 characters of its block on either side, letters and digits only. */
function samenessOf(message: VFileMessage, text: string, blockStart: number, blockEnd: number, start: number, end: number): string {
  const fold = (value: string) => value.replace(notWord, '').toLowerCase()
  const before = fold(text.slice(Math.max(blockStart, start - 40), start))
  const after = fold(text.slice(end, Math.min(blockEnd, end + 40)))
  return `${message.ruleId}\u0000${fold(text.slice(start, end))}\u0000${before.slice(-20)}\u0000${after.slice(0, 20)}`
}

/**
 * A finding's texts cut from the batch's text (its reason, `actual`, fixes
 * and suggestions) keep the whole batch text alive (`ownString`): copied,
 * they let a big file's batches go once checked.
 */
function ownStrings(message: VFileMessage): void {
  const reason = ownString(message.reason)
  message.reason = reason
  message.message = reason
  if (message.actual !== undefined && message.actual !== null) message.actual = ownString(message.actual)
  if (message.expected) message.expected = message.expected.map(ownString)
  if (message.suggestions) {
    for (const suggestion of message.suggestions) {
      suggestion.text = ownString(suggestion.text)
      suggestion.title = ownString(suggestion.title)
    }
  }
  if (message.refused) for (const refused of message.refused) refused.text = ownString(refused.text)
}

/**
 * Can the file be scored batch by batch (`EvidenceCollector`)? Each batch's
 * findings must be settled when it is folded in, and fall in its own
 * sentences, as they would among all the file's: so no inline controls
 * (they apply to the whole file) and no `.eml` (its parts are compared with
 * each other), and blocks of copy that follow each other in one source
 * without touching.
 */
function scoresByBatch(extracted: Extracted): boolean {
  if (extracted.format === 'eml' || (extracted.controls?.length ?? 0) > 0) return false
  let end = -1
  for (const block of extracted.blocks) {
    if (!hasCopy.test(block.text)) continue
    if (block.source !== 'file' || block.map.length === 0) return false
    let from = Number.POSITIVE_INFINITY
    let to = -1
    for (const piece of block.map) {
      from = Math.min(from, piece.source)
      to = Math.max(to, piece.source + piece.sourceLength)
    }
    if (from <= end) return false
    end = to
  }
  return true
}

/** Blocks parsed together (see `batchesOf`), with where each starts in the joined text. */
interface Batch {
  blocks: Block[]
  starts: number[]
  /** The blocks' texts, syntax masked, joined by a blank line. */
  text: string
  /** The same text with its syntax as written (for rewrites and `actual`). */
  plain: string
  masks: Array<[number, number]>
  /** Each block's role (see `Block.role`), by position. */
  roles: BlockRole[]
}

/** Most characters in one batch: the retext parser is superlinear on big trees, so batches stay small. */
const batchLength = 16000
/** A blank line: retext starts a new paragraph, so no sentence runs from one block into the next. */
const paragraphBreak = '\n\n'
const hasCopy = /[\p{L}\p{N}\p{Extended_Pictographic}]/u

/**
 * Consecutive blocks joined into batches, so that one parse and one run of
 * the plugins serve many short blocks (a paragraph, a heading, a button):
 * the parser's and the pipeline's cost per call was a tenth of the parse.
 * Blocks without letters, digits or emoji are left out.
 */
function* batchesOf(blocks: Block[], release: boolean): Generator<Batch> {
  let batch: Batch | undefined
  for (let index = 0; index < blocks.length; index++) {
    const block = blocks[index]
    // Scored batch by batch, a big file's blocks go once batched: nothing after the batches reads them then.
    if (release) blocks[index] = releasedBlock
    if (!hasCopy.test(block.text)) continue
    const {text, masks} = maskSyntax(block.text)
    if (batch && batch.text.length + paragraphBreak.length + text.length > batchLength) {
      yield batch
      batch = undefined
    }
    batch ??= {blocks: [], starts: [], text: '', plain: '', masks: [], roles: []}
    if (batch.blocks.length > 0) {
      batch.text += paragraphBreak
      batch.plain += paragraphBreak
    }
    const start = batch.text.length
    batch.blocks.push(block)
    batch.starts.push(start)
    batch.roles.push(roleOf(block))
    batch.text += text
    batch.plain += block.text
    for (const [from, to] of masks) batch.masks.push([from + start, to + start])
  }
  if (batch) yield batch
}

/** What stands in for a block that `batchesOf` let go. */
const releasedBlock: Block = {text: '', map: [], source: 'file'}

/** A block's role: its own, else its `.eml` part's (subject, preheader), else `paragraph`. */
function roleOf(block: Block): BlockRole {
  if (block.role) return block.role
  if (block.part === 'subject' || block.part === 'preheader') return block.part
  return 'paragraph'
}

/** Give a sentence of a block, and its signals, their places in the source (in place: the figures are the block run's own). */
function placeSentence(
  sentence: SentenceFigures,
  block: Block,
  toPlace: (start: number, end: number) => Place
): SentenceFigures {
  // Offsets stay those of the batch text; places are in the source.
  if (block.part !== undefined) sentence.part = block.part
  if (block.role !== undefined) sentence.role = block.role
  sentence.place = toPlace(sentence.start, sentence.end)
  for (const signal of sentence.signals) signal.place = toPlace(signal.start, signal.end)
  return sentence
}
