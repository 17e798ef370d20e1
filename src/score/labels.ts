/**
 * The words a report uses for score evidence, in the report's language: what
 * kind of finding took points off ("coercion/lock-in" → "binds the reader" /
 * "bindt de lezer"), and the signals the code finds itself (numbers, names,
 * a kind word, shouting). The `kind` of an evidence item stays the key.
 */
import type {Language} from '../types.js'

const kinds: Readonly<Record<string, Readonly<Record<Language, string>>>> = {
  'coercion/lock-in': {en: 'binds the reader to a contract', nl: 'bindt de lezer aan een contract'},
  'coercion/penalty': {en: 'a cost for leaving', nl: 'kosten bij vertrek'},
  'coercion/threat': {en: 'a threat if the reader leaves', nl: 'een dreiging als de lezer vertrekt'},
  'coercion/urgency': {en: 'time pressure', nl: 'tijdsdruk'},
  'coercion/scarcity': {en: 'scarcity pressure', nl: 'druk met schaarste'},
  'coercion/confirmshaming': {en: 'a shaming opt-out', nl: 'een beschamende afmelding'},
  'coercion/guilt': {en: 'guilt about leaving', nl: 'schuldgevoel over vertrekken'},
  coercion: {en: 'pressure', nl: 'druk'},
  'over-the-top/gush': {en: 'piled-up praise', nl: 'opgestapelde lof'},
  'over-the-top/shouting': {en: 'shouting', nl: 'schreeuwen'},
  'over-the-top/projection': {en: 'the sender\'s feelings about the reader', nl: 'gevoelens van de afzender over de lezer'},
  'over-the-top/forever': {en: 'endless happiness promised', nl: 'eindeloos geluk beloofd'},
  'over-the-top/attribution': {en: 'a product that changes lives', nl: 'een product dat levens verandert'},
  'over-the-top': {en: 'over-the-top feeling', nl: 'overdreven gevoel'},
  dismissive: {en: 'turns the reader away', nl: 'wimpelt de lezer af'},
  'generic-claim': {en: 'a generic claim', nl: 'een algemene bewering'},
  spelling: {en: 'a spelling mistake', nl: 'een spelfout'}
}

/** A finding kind (`category` or `category/subtype`) in words. */
export function kindLabel(kind: string, lang: Language): string {
  const entry = kinds[kind] ?? kinds[kind.split('/')[0]]
  return entry ? entry[lang] : kind
}

/** The signals `src/signals.ts` finds in code, in words. */
export const signalLabels = {
  number: {en: 'a number that measures: an amount, a size, a time, a count', nl: 'een getal dat iets meet: een bedrag, een maat, een tijd, een aantal'},
  name: {en: 'a name: who, where or what exactly', nl: 'een naam: wie, waar of wat precies'},
  kindWord: {en: 'a kind word to the reader', nl: 'een vriendelijk woord voor de lezer'},
  shouting: {en: 'shouting: !!, capitals or emoji runs', nl: 'schreeuwen: !!, hoofdletters of rijen emoji'},
  loudWord: {en: 'a loud word of praise', nl: 'een luid woord van lof'},
  exclamation: {en: 'an exclamation', nl: 'een uitroep'},
  aside: {en: 'about the mail itself', nl: 'over de mail zelf'}
} satisfies Record<string, Readonly<Record<Language, string>>>
