/**
 * The structural cue each learned subtype needs besides the model's score
 * (docs/learned.md). On real mail (support replies, newsletters) the model
 * alone heard guilt in any question with "you" and a term in any sentence
 * with "years": its clean training lines are marketing copy, not support or
 * news prose. So a learned finding stands only where the sentence has the
 * shape of its act, read from the features (`./features.ts`):
 *
 * - guilt: the reader and the sender both named (in the sentence or the one
 *   before), and a feeling (a word the sentiment lexicon calls clearly
 *   negative) or the reader's leaving;
 * - threat: the reader's act (leave, cancel, switch, not renew, not pay,
 *   lapse) and a consequence (lose, gone, cut off, worse service) in the
 *   sentence or the one before, the consequence not negated ("no files will
 *   be lost" is a reassurance);
 * - urgency: the reader addressed and a time expression in the sentence (a
 *   day, a time, "tonight", a number, hours, the deal getting worse);
 * - lock-in: the reader or the sender named and a term in the sentence (a number,
 *   months or years, a contract, renewal, notice, a commitment).
 */
import type {Language} from '../types.js'

type Gate = (features: ReadonlySet<string>) => boolean

const readerActs: Record<Language, readonly string[]> = {
  en: ['leave', 'lapse', 'exit', 'not-act', 'exit-condition', 'lapsed', 'lapse-condition', 'former'],
  nl: ['opzeggen', 'overstappen', 'weggaan', 'stoppen', 'verlengen', 'exit', 'not-act', 'exit-condition', 'verzuimd', 'verzuim-voorwaarde', 'voormalig']
}

/** Leaving itself (for guilt): not a lapse or a condition, which support replies are full of ("if that doesn't work"). */
const leaving: Record<Language, readonly string[]> = {
  en: ['leave', 'former'],
  nl: ['opzeggen', 'overstappen', 'weggaan', 'voormalig']
}

const consequences: Record<Language, readonly string[]> = {
  en: ['lose', 'gone', 'cut', 'worse-service', 'worse'],
  nl: ['verliezen', 'weg', 'afgesloten', 'slechtere-dienst', 'slechter']
}

const timeClasses: Record<Language, readonly string[]> = {
  en: ['deadline-time', 'soon', 'worse'],
  nl: ['deadline-tijd', 'straks', 'slechter']
}

const timeWords: Record<Language, readonly string[]> = {
  en: ['now', 'today', 'tonight', 'tomorrow', 'hour', 'hours', 'minutes', 'days', 'day', 'week', 'weekend', 'last', 'final', 'ends', 'ending', 'deadline', 'clock', 'midnight', 'before', 'until', 'soon', 'expires', 'left'],
  nl: ['nu', 'vandaag', 'vanavond', 'morgen', 'uur', 'uren', 'minuten', 'dagen', 'dag', 'week', 'weekend', 'laatste', 'eindigt', 'deadline', 'klok', 'middernacht', 'uiterlijk', 'snel', 'verloopt']
}

const termStems: Record<Language, readonly string[]> = {
  en: ['month', 'year', 'annual', 'term', 'contract', 'renew', 'commit', 'minimum', 'period', 'notice', 'automatic', 'bound', 'locked', 'agreement', 'instalment', 'installment', 'subscription', 'membership', 'plan'],
  nl: ['maand', 'jaar', 'jaren', 'looptijd', 'contract', 'verleng', 'termijn', 'opzeg', 'vast', 'periode', 'automatisch', 'stilzwijgend', 'gebonden', 'overeenkomst', 'abonnement', 'lidmaatschap']
}

function hasAny(features: ReadonlySet<string>, prefix: string, names: readonly string[]): boolean {
  for (const name of names) if (features.has(prefix + name)) return true
  return false
}

function hasStem(features: ReadonlySet<string>, stems: readonly string[]): boolean {
  for (const feature of features) {
    if (!feature.startsWith('w:')) continue
    for (const stem of stems) if (feature.startsWith(stem, 2)) return true
  }
  return false
}

function gates(lang: Language): Record<string, Gate> {
  const either = (features: ReadonlySet<string>, names: readonly string[]) => hasAny(features, 'c:', names) || hasAny(features, 'ec:', names)
  const reader = (features: ReadonlySet<string>) => features.has('r:you')
  const party = (features: ReadonlySet<string>) => features.has('r:you') || features.has('r:we')
  return {
    guilt: (features) =>
      (features.has('r:you') || features.has('er:you')) &&
      (features.has('r:we') || features.has('er:we')) &&
      (features.has('v:-') || features.has('ev:-') || either(features, leaving[lang])),
    // A negator in the sentence that is not part of the reader's act ("if you don't renew") frees the consequence.
    threat: (features) => either(features, readerActs[lang]) && either(features, consequences[lang]) && (!features.has('neg') || hasAny(features, 'c:', ['not-act', 'lapsed', 'lapse-condition', 'verzuimd', 'verzuim-voorwaarde'])),
    urgency: (features) => (reader(features) || features.has('p:!')) && (features.has('w:#') || hasAny(features, 'c:', timeClasses[lang]) || hasAny(features, 'w:', timeWords[lang])),
    'lock-in': (features) => party(features) && (features.has('w:#') || hasStem(features, termStems[lang]))
  }
}

const cache = new Map<Language, Record<string, Gate>>()

/** Does a sentence with these features have the structural cue of `subtype`? (A subtype without a gate: yes.) */
export function passesGate(subtype: string, lang: Language, features: ReadonlySet<string>): boolean {
  let byType = cache.get(lang)
  if (!byType) cache.set(lang, (byType = gates(lang)))
  const gate = byType[subtype]
  return gate === undefined || gate(features)
}
