/**
 * `learned`: the learned recall layer (docs/learned.md) as a rule kind. The
 * rule names the subtype model it reads (`model: guilt`); the detector scores
 * every sentence with it, over the features of `src/learned/features.ts`
 * (the sentence and the one before it), and reports the sentence when the
 * probability reaches the model's threshold and the sentence has the
 * structural cue of its subtype (`src/learned/gates.ts`), naming the words
 * that weighed most. It has no fix: a model's guess gets advice, never a rewrite.
 *
 * The plugin runs learned rules after the others of a sentence and drops a
 * learned finding when a rule of the same category and subtype already
 * caught the sentence, or when another learned finding there is more sure
 * (one learned finding per sentence at most).
 */
import {isInside} from '../context.js'
import {sentenceFeatures, wordsOf} from '../learned/features.js'
import {loadModel, type Model} from '../learned/model.js'
import {sentenceProbabilities} from '../learned/score.js'
import {passesGate} from '../learned/gates.js'
import {learnedDetail} from '../messages.js'
import {RuleFieldError, type Finding, type Kind, type SentenceView} from './kind.js'

/** The last sentence scored: every learned rule of a language reads the same sentence in turn. */
let last: {sentence: SentenceView; model: Model; probabilities: Float64Array} | undefined

function probabilitiesOf(sentence: SentenceView, model: Model): Float64Array {
  if (last === undefined || last.sentence !== sentence || last.model !== model) last = {sentence, model, probabilities: sentenceProbabilities(sentence, model)}
  return last.probabilities
}

/** How many features the message names. */
const named = 3

export const learnedKind: Kind = {
  name: 'learned',
  keys: ['model', 'languages'],

  languages(rule) {
    const examples = (rule.fields.languages ?? ['en', 'nl']) as unknown
    if (!Array.isArray(examples) || !examples.every((lang) => lang === 'en' || lang === 'nl')) {
      throw new RuleFieldError(['languages'], '`languages` must be a list of `en` and `nl`')
    }
    return examples
  },

  compile(rule, lang) {
    const subtype = rule.fields.model
    if (typeof subtype !== 'string') throw new RuleFieldError(['model'], '`model` must name a subtype model of dist/learned/model.<lang>.json, e.g. `model: guilt`')
    const model = loadModel(lang)
    const column = model ? model.subtypes.indexOf(subtype) : -1
    if (model && column === -1) throw new RuleFieldError(['model'], `the learned model for \`${lang}\` has no \`${subtype}\` (it has ${model.subtypes.join(', ')})`)
    return {
      patterns: [],
      always: true,
      detect(sentence): Finding[] {
        if (!model) return []
        const words = sentence.words
        if (words.length === 0) return []
        const start = words[0].start
        const end = words[words.length - 1].end
        // A quoted customer is not the sender.
        if (!rule.quoted && sentence.quoted.length > 0 && isInside(sentence.quoted, start, end)) return []
        // The model alone is not enough: the sentence must have the shape of the act (see `src/learned/gates.ts`).
        // The cheap cues first: most sentences are never scored.
        if (!passesGate(subtype, sentence)) return []
        const probability = probabilitiesOf(sentence, model)[column]
        if (probability < model.threshold(column)) return []
        // The feature names only for a finding: what weighed most.
        const shown: string[] = []
        for (const {feature} of model.weighed(sentenceFeatures(sentence), column)) {
          const text = wordsOf(feature, sentence)
          if (text === '' || shown.includes(text)) continue
          shown.push(text)
          if (shown.length === named) break
        }
        return [{start, end, expected: [], detail: learnedDetail(lang, probability, shown), confidence: probability}]
      }
    }
  }
}
