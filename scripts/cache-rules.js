#!/usr/bin/env node
/**
 * Write dist/rules-cache.json: every rule file's parsed YAML with its size and
 * modification time, so a cold `trouw check` need not parse YAML. Run by
 * `npm run build`; a stale or missing cache only costs time (see
 * src/rule-loader.ts).
 */
import {writeFileSync, renameSync} from 'node:fs'
import {ruleFileValues, rulesCacheFile} from '../dist/rule-loader.js'

const temporary = rulesCacheFile + '.tmp'
writeFileSync(temporary, JSON.stringify(ruleFileValues()))
renameSync(temporary, rulesCacheFile)
