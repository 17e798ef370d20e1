/**
 * Hostile inputs for the fuzz suite (`test/fuzz.test.ts`, `scripts/fuzz.js`):
 * a seeded generator, so a seed and an index name one input for good. It
 * writes its own copy (no corpus sentences) and mutates the project's own
 * examples (`examples/`).
 *
 * Classes: random bytes, hostile Unicode (bidi controls, combining runs,
 * astral characters, NUL, lone surrogates, other scripts), deep nesting
 * around the limit (and, in Markdown, long lists of nested items), repeated near-matches of rule phrases, template syntax
 * with and without closers, and mutated copies of the examples. Every class
 * is wrapped in each input format: text, markdown, html, mjml, eml.
 */
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

export const formats = ['text', 'markdown', 'html', 'mjml', 'eml']
export const classes = ['bytes', 'unicode', 'nesting', 'nearMatch', 'template', 'mutated', 'mixed']

/** mulberry32: small, fast, good enough to pick inputs. */
export function random(seed) {
  let state = seed >>> 0
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (max) => Math.floor(next() * max)
  const pick = (list) => list[int(list.length)]
  return {next, int, pick, chance: (p) => next() < p}
}

/** The seed of input `index` of a run with `seed`: each input can be made again alone. */
export function inputSeed(seed, index) {
  return (Math.imul(seed >>> 0, 2654435761) ^ Math.imul(index + 1, 40503)) >>> 0
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
let exampleTexts
function examples() {
  if (!exampleTexts) {
    const folder = path.join(root, 'examples')
    exampleTexts = readdirSync(folder).sort().map((name) => readFileSync(path.join(folder, name), 'utf8'))
  }
  return exampleTexts
}

// Own words: marketing copy, near the rules' phrases in both languages.
const words = {
  en: ['offer', 'today', 'only', 'last', 'chance', 'act', 'now', 'you', 'will', 'miss', 'out', 'amazing', 'truly', 'love', 'deal', 'hurry', 'ends', 'tonight', 'free', 'shipping', 'member', 'loyal', 'forever', 'never', 'again', 'must', 'not', 'unsubscribe', 'sorry', 'see', 'go', 'incredible', 'excited', 'thrilled', 'best', 'ever', 'recieve', 'teh'],
  nl: ['aanbieding', 'vandaag', 'alleen', 'laatste', 'kans', 'nu', 'of', 'nooit', 'je', 'mist', 'het', 'geweldig', 'echt', 'dol', 'op', 'snel', 'vanavond', 'gratis', 'verzending', 'lid', 'trouw', 'altijd', 'niet', 'moet', 'afmelden', 'jammer', 'ongelooflijk', 'blij', 'beste', 'ooit', 'bedakt', 'klantenservce']
}
const nearMatches = [
  'act now', 'act  now', 'act-now', 'ACT NOW!!!', 'act no', 'actnow', 'last chance', 'last  chance!', 'lastchance', "don't miss out", 'dont miss out',
  'you will regret', 'only today', 'only 2 left', 'only 2 left!!', 'ends tonight', 'we will miss you', 'are you sure you want to leave',
  'nu of nooit', 'nu  of nooit', 'laatste kans', 'laatste kans!!!', 'op = op', 'alleen vandaag', 'je mist het', 'wij missen je', 'weet je het zeker',
  'absolutely amazing', 'so so so excited', 'love love love', 'echt super geweldig', 'ontzettend blij'
]
const hostile = [
  '\u202e', '\u202d', '\u200f', '\u200e', '\u2066', '\u2069', '\u061c', // bidi controls
  '\u0301\u0301\u0301\u0301\u0301\u0301', '\u0308', '\u20dd', // combining
  '\u{1F600}', '\u{1F926}\u{1F3FD}\u200d\u2642\ufe0f', '\u{1D4B3}', '\u{10FFFF}', '\u{1F1F3}\u{1F1F1}', // astral
  '\u001b[31m', '\u0085', // controls a text may carry
  '\ud800', '\udfff', 'a\ud83d', // lone surrogates
  '\ufeff', '\u200b', '\u200d', '\u00ad', '\u2028', '\u2029', '\ufffd',
  'مرحبا بكم', 'שלום לכולם', 'Привет', 'こんにちは世界', '你好', 'καλημέρα', 'ﷺ', 'ﬁ', 'ǅ', 'İstanbul', 'ß'
]
/** Characters that make an input binary (refused): rare, so most hostile inputs reach the checks. */
const binary = ['\0', '\u0001', '\u007f']
const templates = ['{{ ', '{{ first_name }}', '{{{ raw }}}', '{% ', '{% if vip %}', '{% endif %}', '*|', '*|FNAME|*', '%%', '%%naam%%', '${', '${name}', '[[', '[[name]]', '}}', '%}', '|*', '<%= x %>', '{{#each items}}', '{{/each}}']
const tags = ['b', 'i', 'em', 'strong', 'span', 'div', 'p', 'a', 'table', 'tr', 'td', 'ul', 'li', 'blockquote', 'font', 'center']

function wordsOf(r, lang, count) {
  const out = []
  for (let index = 0; index < count; index++) {
    let word = r.pick(words[lang])
    if (r.chance(0.1)) word = word[0].toUpperCase() + word.slice(1)
    out.push(word)
    if (r.chance(0.12)) out.push(r.pick(['.', '!', '?', ',', '…', '!!!', ' -', ':']))
  }
  return out.join(' ')
}

/** A piece of copy of about `size` characters, from `kind`. */
function piece(r, kind, lang, size) {
  let text = ''
  const add = (value) => {
    text += value
  }
  while (text.length < size) {
    switch (kind) {
      case 'unicode':
        if (r.chance(0.0001)) add(r.pick(binary))
        add(r.chance(0.5) ? r.pick(hostile) : wordsOf(r, lang, 1 + r.int(4)))
        add(r.chance(0.3) ? '' : ' ')
        break
      case 'nearMatch':
        add(r.pick(nearMatches) + (r.chance(0.5) ? ' ' : r.pick(['. ', '! ', ', ', '\n', '\n\n', ''])))
        break
      case 'template':
        add(r.pick(templates) + (r.chance(0.5) ? wordsOf(r, lang, 1 + r.int(3)) + ' ' : ''))
        break
      default:
        add(wordsOf(r, lang, 3 + r.int(12)) + r.pick(['. ', '! ', '\n', '\n\n', ' ']))
    }
  }
  return text
}

/** Random mutations of `text`: cut, duplicate, insert, truncate, swap. */
function mutate(r, text) {
  let out = text
  const rounds = 1 + r.int(6)
  for (let round = 0; round < rounds && out.length > 0; round++) {
    const at = r.int(out.length)
    const length = 1 + r.int(Math.min(400, out.length - at))
    switch (r.int(6)) {
      case 0:
        out = out.slice(0, at) + out.slice(at + length)
        break
      case 1:
        out = out.slice(0, at + length) + out.slice(at, at + length).repeat(1 + r.int(20)) + out.slice(at + length)
        break
      case 2:
        out = out.slice(0, at) + r.pick([...hostile, ...templates, '<', '>', '<!--', '-->', '&', '&amp', '&#', '&#x110000;', '"', "'", '\n', '>', '- ', '* ', '`', '```', '[', '](', '=\r\n', '=3D']) + out.slice(at)
        break
      case 3:
        out = out.slice(0, at)
        break
      case 4: {
        const other = r.int(out.length)
        out = out.slice(other) + out.slice(0, other)
        break
      }
      default:
        out = out.slice(0, at) + String.fromCharCode(r.int(0x3000)) + out.slice(at + 1)
    }
  }
  return out
}

function nested(r, format, depth, inner) {
  switch (format) {
    case 'markdown':
      // A long list of items that hold nested lists (or quoted ones): wide, not deep, but the parser pays for each item it closes.
      if (r.chance(0.25)) return Array.from({length: depth}, () => (r.chance(0.2) ? '> ' : '') + r.pick(['- ', '1. ', '* ']) + inner.slice(0, 20) + '\n   - ' + inner.slice(20, 40)).join('\n')
      return r.chance(0.5) ? '>'.repeat(depth) + ' ' + inner : r.chance(0.5) ? '- '.repeat(depth) + inner : Array.from({length: Math.min(depth, 200)}, (_, i) => ' '.repeat(i * 2) + '- ' + inner).join('\n')
    case 'text':
      return '> '.repeat(depth) + inner
    default: {
      const tag = r.pick(tags)
      const closed = r.chance(0.5)
      return `<${tag}>`.repeat(depth) + inner + (closed ? `</${tag}>`.repeat(depth) : '')
    }
  }
}

/** The body of an input of `format` (markup around copy), before it is packed as a mail for eml. */
function body(r, format, kind, lang, size) {
  const inner = format === 'eml' ? r.pick(['html', 'text']) : format
  if (kind === 'mutated') {
    const example = r.pick(examples())
    const base = inner === 'text' || inner === 'markdown' ? example.replace(/<[^>]*>/g, ' ') : example
    return {inner, text: mutate(r, base.repeat(1 + r.int(Math.max(1, Math.floor(size / base.length)))))}
  }
  if (kind === 'nesting') {
    const depth = r.pick([10, 60, 120, 126, 127, 128, 129, 130, 200, 500, 2000, 5000])
    const text = nested(r, inner === 'mjml' ? 'html' : inner, depth, piece(r, 'words', lang, 40))
    return {inner, text: inner === 'mjml' ? `<mjml><mj-body><mj-column><mj-text>${text}</mj-text></mj-column></mj-body></mjml>` : text}
  }
  const copy = piece(r, kind === 'mixed' ? r.pick(['unicode', 'nearMatch', 'template', 'words']) : kind, lang, size)
  switch (inner) {
    case 'markdown':
      return {inner, text: copy.split('\n').map((line) => (r.chance(0.3) ? r.pick(['# ', '> ', '- ', '1. ', '* ', '    ', '**', '_', '[', '```\n']) : '') + line + (r.chance(0.2) ? r.pick(['**', '_', '](http://x.nl)', '`', '  ', '<!--trouw ignore-next-->']) : '')).join('\n')}
    case 'html': {
      const parts = copy.split(/(?<=[.!?\n])/)
      return {inner, text: (r.chance(0.5) ? '<!doctype html><html><body>' : '') + parts.map((part) => (r.chance(0.4) ? `<${r.pick(tags)}>${part}` + (r.chance(0.7) ? '</p>' : '') : part)).join('') + (r.chance(0.2) ? '<!--trouw ignore' : '')}
    }
    case 'mjml': {
      const parts = copy.split(/(?<=[.!?\n])/)
      return {inner, text: '<mjml><mj-body><mj-section><mj-column>' + parts.map((part) => (r.chance(0.7) ? `<mj-text>${part}</mj-text>` : r.chance(0.5) ? `<mj-button href="#">${part}` : part)).join('') + (r.chance(0.5) ? '</mj-column></mj-section></mj-body></mjml>' : '')}
    }
    default:
      return {inner, text: copy}
  }
}

function asMail(r, inner, text) {
  const type = inner === 'html' ? 'text/html' : 'text/plain'
  const encoding = r.pick(['8bit', 'quoted-printable', 'base64', '7bit'])
  let content = text
  if (encoding === 'base64') content = Buffer.from(text, 'utf8').toString('base64').replace(/.{76}/g, '$&\r\n')
  const subject = r.chance(0.5) ? 'Last chance, only today' : '=?UTF-8?B?' + Buffer.from('Laatste kans ' + r.pick(hostile), 'utf8').toString('base64') + '?='
  return `From: Shop <shop@example.com>\r\nTo: you@example.com\r\nSubject: ${subject}\r\nMIME-Version: 1.0\r\nContent-Type: ${type}; charset=${r.pick(['utf-8', 'utf-8', 'iso-8859-1', 'windows-1252', 'x-unknown'])}\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${content}`
}

/**
 * Input `index` of a run with `seed` for `format`: `{kind, lang, format,
 * input}` where `input` is a string or (for random bytes) a `Uint8Array`.
 * Most inputs are up to 8 KB; one in 40 is up to 100 KB.
 */
export function makeInput(seed, index, format) {
  const r = random(inputSeed(seed, index))
  const kind = classes[index % classes.length]
  const lang = r.chance(0.5) ? 'en' : 'nl'
  const size = r.chance(0.025) ? 8_000 + r.int(92_000) : 16 + r.int(8_000)
  if (kind === 'bytes') {
    const bytes = new Uint8Array(r.int(size))
    for (let at = 0; at < bytes.length; at++) bytes[at] = r.chance(0.6) ? 32 + r.int(95) : r.int(256)
    if (format === 'eml') {
      const head = new TextEncoder().encode(asMail(r, 'text', ''))
      const all = new Uint8Array(head.length + bytes.length)
      all.set(head)
      all.set(bytes, head.length)
      return {kind, lang, format, input: all}
    }
    return {kind, lang, format, input: bytes}
  }
  const {inner, text} = body(r, format, kind, lang, size)
  return {kind, lang, format, input: format === 'eml' ? asMail(r, inner, text) : text}
}

const partSource = {subject: 'subject', html: 'html', preheader: 'html', text: 'text'}
const partRank = {subject: 0, preheader: 1, html: 1, text: 2}

/**
 * Check one input: `check` and `InputError` come from the caller (the
 * sources in tests, `dist/` in the script). Returns `{ok, refused, ms, cpuMs}`
 * or `{ok: false, kind, detail, ms, cpuMs}` with kind `threw`, `position`,
 * `order` or `slow` (over `slowMs` of CPU time for an input under 100 KB).
 * Slow is judged by the process's CPU time, not the wall clock: on a machine
 * shared by other work the wall clock counts their time too (a 50 ms CPU
 * check took 1.2 s of wall time at load 6). `ms` is the wall time.
 */
export async function examine(item, check, InputError, options = {}) {
  const spell = Boolean(options.spell)
  const slowMs = options.slowMs ?? (spell ? 2000 : 1000)
  const start = performance.now()
  const cpuStart = process.cpuUsage()
  const cpu = () => {
    const used = process.cpuUsage(cpuStart)
    return (used.user + used.system) / 1000
  }
  let file
  try {
    file = await check(item.input, {format: item.format, lang: item.lang, spell, parts: item.format === 'eml'})
  } catch (error) {
    const ms = performance.now() - start
    const cpuMs = cpu()
    if (error instanceof InputError) {
      const line = String(error)
      if (line.includes('\n')) return {ok: false, kind: 'threw', detail: 'InputError of more than one line: ' + JSON.stringify(line.slice(0, 200)), ms, cpuMs}
      return {ok: true, refused: true, ms, cpuMs}
    }
    return {ok: false, kind: 'threw', detail: `${error?.name}: ${String(error?.message).split('\n')[0].slice(0, 200)}`, ms, cpuMs}
  }
  const ms = performance.now() - start
  const cpuMs = cpu()
  const sources = item.format === 'eml' ? file.data.trouw?.parts ?? {} : {file: String(file.value)}
  let previous
  for (const message of file.messages) {
    const place = message.place
    const from = place?.start?.offset
    const to = place?.end?.offset
    const key = message.part ? partSource[message.part] : 'file'
    const source = sources[key] ?? (item.format === 'eml' && from === 0 && to === 0 ? '' : undefined)
    if (from === undefined || to === undefined || source === undefined || from < 0 || to < from || to > source.length) {
      return {ok: false, kind: 'position', detail: `${message.ruleId} at ${from}-${to} in ${key} of ${source?.length} characters`, ms, cpuMs}
    }
    const order = [partRank[message.part] ?? 1, message.line ?? 0, message.column ?? 0]
    if (previous && (order[0] < previous[0] || (order[0] === previous[0] && (order[1] < previous[1] || (order[1] === previous[1] && order[2] < previous[2]))))) {
      return {ok: false, kind: 'order', detail: `${message.ruleId} at ${order.join(':')} after ${previous.join(':')}`, ms, cpuMs}
    }
    previous = order
  }
  const size = typeof item.input === 'string' ? item.input.length : item.input.length
  if (size < 100_000 && cpuMs > slowMs) return {ok: false, kind: 'slow', detail: `${Math.round(cpuMs)} ms CPU (${Math.round(ms)} ms wall) for ${size} characters`, ms, cpuMs}
  return {ok: true, refused: false, ms, cpuMs}
}

/**
 * A smaller input that fails the same way (same `kind`): drop pieces while
 * it still fails, halving the pieces each round (ddmin, bounded).
 */
export async function minimise(item, result, check, InputError, options = {}) {
  if (result.kind === 'slow') return item
  let input = item.input
  const fails = async (candidate) => {
    const outcome = await examine({...item, input: candidate}, check, InputError, options)
    return !outcome.ok && outcome.kind === result.kind
  }
  let pieces = 2
  let tries = 0
  while (input.length > 1 && tries < (options.maxTries ?? 300)) {
    const size = Math.ceil(input.length / pieces)
    let reduced = false
    for (let at = 0; at < input.length && tries < (options.maxTries ?? 300); at += size) {
      tries++
      const candidate = typeof input === 'string' ? input.slice(0, at) + input.slice(at + size) : concat(input.subarray(0, at), input.subarray(at + size))
      if (candidate.length > 0 && (await fails(candidate))) {
        input = candidate
        reduced = true
        break
      }
    }
    if (!reduced) {
      if (size <= 1) break
      pieces = Math.min(pieces * 2, input.length)
    } else {
      pieces = Math.max(pieces - 1, 2)
    }
  }
  return {...item, input}
}

function concat(a, b) {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
