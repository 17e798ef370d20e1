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
 * build, not a user's check. What compiled (the patterns of the rules, the
 * score's signals and phase cues, the learned layer's word classes) goes to dist/patterns.<lang>.json, which a
 * cold check restores instead of compiling (src/patterns.ts, `StoredPatterns`).
 */
import fs from 'node:fs'
import {writeDataCache} from '../dist/data-cache.js'
import {loadRules, storedPatternsFile, writeStoredPatterns} from '../dist/rule-loader.js'
import {writeCommonWords} from '../dist/score/common-words.js'
import {loadSignals} from '../dist/signals.js'
import {loadPhases} from '../dist/score/phase.js'
import {classIndex} from '../dist/learned/features.js'

writeDataCache()
writeCommonWords()
// Compile from the sources, not from an earlier build's stored patterns.
for (const lang of ['en', 'nl']) fs.rmSync(storedPatternsFile(lang), {force: true})
try {
  // Likely `a|b c` traps in the shipped patterns are printed, not fatal (src/pattern-lint.ts).
  loadRules(undefined, {eager: true, onWarning: (message) => console.warn(`cache-data: warning: ${message}`)})
  for (const lang of ['en', 'nl']) {
    loadSignals(lang)
    loadPhases(lang)
    classIndex(lang)
    writeStoredPatterns(lang)
  }
} catch (error) {
  console.error(`cache-data: ${String(error)}`)
  process.exitCode = 1
}
