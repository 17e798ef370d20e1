/**
 * The interactive review: keys to session actions, the session's snapshot to
 * the screen. Keys: a/enter apply, 1-3 choose a suggestion, s/→ skip, ← back,
 * i ignore the rule here, u undo, w save, q quit (asks to save when changed).
 */
import {useEffect, useState} from 'react'
import {useApp, useInput, useStdout} from 'ink'
import type {ReviewSession} from './review-session.js'
import {ReviewScreen} from './ReviewScreen.js'

export interface ReviewAppProps {
  session: ReviewSession
  width: number
  colored: boolean
}

export function ReviewApp({session, width, colored}: ReviewAppProps) {
  const {exit} = useApp()
  const {stdout} = useStdout()
  const [snapshot, setSnapshot] = useState(() => session.snapshot())
  const [busy, setBusy] = useState(false)
  const [columns, setColumns] = useState(width)

  // Follow the terminal's width when it is resized.
  useEffect(() => {
    const onResize = () => {
      if (stdout.columns) setColumns(Math.max(40, stdout.columns - 1))
    }
    stdout.on('resize', onResize)
    return () => {
      stdout.off('resize', onResize)
    }
  }, [stdout])

  // Leave once the closing frame is on the screen.
  useEffect(() => {
    if (snapshot.mode === 'closed') exit()
  }, [snapshot.mode, exit])

  const finish = (problem: string | null) => {
    const next = session.snapshot()
    setSnapshot(problem ? {...next, notice: problem} : next)
    setBusy(false)
  }
  const describe = (error: unknown) => `error: ${(error as Error)?.message ?? String(error)}`

  /** Run an action; a slow one (a re-check, a save) shows `checking…` and holds the keys until it is done. */
  const run = (action: () => void | Promise<unknown>) => {
    let result: void | Promise<unknown>
    try {
      result = action()
    } catch (error) {
      finish(describe(error))
      return
    }
    if (!(result instanceof Promise)) {
      finish(null)
      return
    }
    setBusy(true)
    result.then(
      () => finish(null),
      (error: unknown) => finish(describe(error))
    )
  }

  useInput((input, key) => {
    if (busy) return
    if (snapshot.mode === 'confirm-quit') {
      if (input === 'y') run(() => session.answerQuit('save'))
      else if (input === 'n') run(() => session.answerQuit('discard'))
      else if (key.escape || input === 'c') run(() => session.answerQuit('cancel'))
      return
    }
    if (input === 'a' || key.return) run(() => session.apply())
    else if (input === '1' || input === '2' || input === '3') run(() => session.choose(Number(input) - 1))
    else if (input === 's' || key.rightArrow) run(() => session.skip())
    else if (key.leftArrow) run(() => session.back())
    else if (input === 'i') run(() => session.ignore())
    else if (input === 'u') run(() => session.undo())
    else if (input === 'w') run(() => session.save())
    else if (input === 'q' || (key.ctrl && input === 'c')) run(() => session.quit())
  })

  return <ReviewScreen snapshot={snapshot} width={columns} busy={busy} colored={colored} />
}
