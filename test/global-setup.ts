/** Runs once before the tests: says in one line when the `../shared` checks skip. */
import {hasShared, sharedDirectory} from './shared.js'

export default function setup(): void {
  if (!hasShared) {
    console.log(`trouw tests: ${sharedDirectory} is not beside the project, so the checks on the shared corpus skip (CI runs them).`)
  }
}
