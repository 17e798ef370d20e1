/**
 * `allow` from the config: entries that are a rule id, a category or
 * `category/subtype` silence those rules; any other entry is a phrase, and a
 * finding whose text contains it (or is contained in it) is dropped.
 */
import type {VFile} from 'vfile'

export function applyAllow(file: VFile, allow: readonly string[]): void {
  if (allow.length === 0) return
  const names = new Set(allow)
  const phrases = allow.map((entry) => entry.toLowerCase().trim()).filter((entry) => entry.length > 0)
  file.messages = file.messages.filter((message) => {
    const id = String(message.ruleId ?? '')
    if (names.has(id) || (message.category && names.has(message.category))) return false
    if (message.category && message.subtype && names.has(`${message.category}/${message.subtype}`)) return false
    const actual = (message.actual ?? '').toLowerCase()
    if (actual === '') return true
    return !phrases.some((phrase) => actual.includes(phrase) || phrase.includes(actual))
  })
}
