/**
 * Where `../shared` (the gold corpus, the held-out sets and real mail) sits:
 * beside the project, as in CI. A clone of the project alone has no such
 * folder; the checks that need it skip (see `test/global-setup.ts`, which
 * says so in one line).
 */
import {existsSync} from 'node:fs'
import {fileURLToPath} from 'node:url'

const sharedUrl = new URL('../../shared/', import.meta.url)

/** `../shared/` beside the project, with a trailing slash. */
export const sharedDirectory = fileURLToPath(sharedUrl)

/** Whether `../shared` is there. */
export const hasShared = existsSync(sharedDirectory)

/** The corpus emails (`../shared/corpus/emails/`), with a trailing slash. */
export const corpusEmails = sharedDirectory + 'corpus/emails/'

/** The same folder as a URL, for `readFileSync(new URL(name, corpusEmailsUrl))`. */
export const corpusEmailsUrl = new URL('corpus/emails/', sharedUrl)
