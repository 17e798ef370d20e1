/**
 * trouw: check marketing copy in English and Dutch for forced loyalty and
 * faked emotion, and score its emotional selling proposition.
 */
export {check, checkExtracted, type CheckOptions} from './engine.js'
export {checkFile} from './check-file.js'
export {retextTrouw, type Options as RetextTrouwOptions} from './plugin.js'
export {retextTrouwSpell, type SpellOptions} from './spell-plugin.js'
export {createSpeller, type Speller} from './spell/index.js'
export {loadRules, type Rule, type RuleSet} from './rule-loader.js'
export {extract} from './formats/index.js'
export {detectLanguage} from './language.js'
export {toJsonReport, toJsonFile, stringifyReport} from './report/json.js'
export {textReport} from './report/text.js'
export * from './types.js'
