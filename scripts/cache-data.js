#!/usr/bin/env node
/**
 * Write dist/data-cache.json: the parsed YAML of every file under rules/ and
 * dictionaries/ with its size and modification time, so a cold `trouw check`
 * need not load a YAML parser. Run by `npm run build`; a stale or missing
 * cache only costs time (see src/data-cache.ts).
 *
 * Then compile every shipped rule in both languages: at run time the rules
 * of a language compile on first use, so a broken pattern must fail the
 * build, not a user's check.
 */
import {writeDataCache} from '../dist/data-cache.js'
import {loadRules} from '../dist/rule-loader.js'

writeDataCache()
try {
  loadRules(undefined, {eager: true})
} catch (error) {
  console.error(`cache-data: ${String(error)}`)
  process.exitCode = 1
}
