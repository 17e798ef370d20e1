#!/usr/bin/env node
/**
 * Write dist/spell-tables/: each Hunspell dictionary as nspell expands it,
 * so a cold `trouw check --spell` reads a word table instead of expanding
 * the dictionary again (see src/spell/table.ts). Run by `npm run build`.
 */
import {writeSpellTables} from '../dist/spell/table.js'

await writeSpellTables()
