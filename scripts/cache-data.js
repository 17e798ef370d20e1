#!/usr/bin/env node
/**
 * Write dist/data-cache.json: the parsed YAML of every file under rules/ and
 * dictionaries/ with its size and modification time, so a cold `trouw check`
 * need not load a YAML parser. Run by `npm run build`; a stale or missing
 * cache only costs time (see src/data-cache.ts).
 *
 * And dist/common-words-en.txt: the English dictionary's lower-case words,
 * sorted, looked up by binary search (src/score/common-words.ts).
 *
 * Then compile every shipped rule in both languages: at run time the rules
 * of a language compile on first use, so a broken pattern must fail the
 * build, not a user's check.
 */
import {writeDataCache} from '../dist/data-cache.js'
import {loadRules} from '../dist/rule-loader.js'
import {writeCommonWords} from '../dist/score/common-words.js'

writeDataCache()
writeCommonWords()
try {
  loadRules(undefined, {eager: true})
} catch (error) {
  console.error(`cache-data: ${String(error)}`)
  process.exitCode = 1
}
