/** The closed set of rule kinds. A rule file picks one with `kind:` (default `phrase`). */
import type {Kind} from './kind.js'
import {phraseKind} from './phrase.js'
import {gushKind} from './gush.js'
import {shoutKind} from './shout.js'
import {learnedKind} from './learned.js'

export const kinds: Readonly<Record<string, Kind>> = {
  phrase: phraseKind,
  gush: gushKind,
  shout: shoutKind,
  learned: learnedKind
}
