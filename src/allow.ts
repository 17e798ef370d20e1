/**
 * `allow` from the config: entries that are a rule id, a category or
 * `category/subtype` silence those rules; any other entry is a phrase, and a
 * finding whose text contains it (or is contained in it) is dropped.
 */
import type {VFile} from 'vfile'
import type {VFileMessage} from 'vfile-message'

export function applyAllow(file: VFile, allow: readonly string[]): void {
  if (allow.length === 0) return
  file.messages = file.messages.filter(allowFilter(allow))
}

/** Does a finding stay, given `allow`? (The filter `applyAllow` applies, for one batch of findings at a time.) */
export function allowFilter(allow: readonly string[]): (message: VFileMessage) => boolean {
  if (allow.length === 0) return () => true
  const names = new Set(allow)
  const phrases = allow.map((entry) => entry.toLowerCase().trim()).filter((entry) => entry.length > 0)
  return (message) => {
    const id = String(message.ruleId ?? '')
    if (names.has(id) || (message.category && names.has(message.category))) return false
    if (message.category && message.subtype && names.has(`${message.category}/${message.subtype}`)) return false
    const actual = (message.actual ?? '').toLowerCase()
    if (actual === '') return true
    return !phrases.some((phrase) => actual.includes(phrase) || phrase.includes(actual))
  }
}
