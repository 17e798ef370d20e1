#!/usr/bin/env node
/**
 * Write dist/data-cache.json: the parsed YAML of every file under rules/ and
 * dictionaries/ with its size and modification time, so a cold `trouw check`
 * need not load a YAML parser. Run by `npm run build`; a stale or missing
 * cache only costs time (see src/data-cache.ts).
 */
import {writeDataCache} from '../dist/data-cache.js'

writeDataCache()
