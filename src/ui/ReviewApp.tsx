/**
 * The interactive review: keys to session actions, the session's snapshot to
 * the screen. Keys: a/enter apply, 1-3 choose a suggestion, s/→ skip, ← back,
 * i ignore the rule here, u undo, w save, q quit (asks to save when changed).
 */
import {useEffect, useRef, useState} from 'react'
import {useApp, useInput, useStdout, type Key} from 'ink'
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
  // Keys can arrive faster than React renders and re-checks finish: one action
  // at a time, the keys typed meanwhile queued and handled in order.
  const running = useRef(false)
  const queue = useRef<Array<{input: string; key: Key}>>([])

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
    running.current = false
    const next = session.snapshot()
    setSnapshot(problem ? {...next, notice: problem} : next)
    setBusy(false)
    drain()
  }

  const drain = () => {
    while (!running.current && queue.current.length > 0) {
      const {input, key} = queue.current.shift()!
      handle(input, key)
    }
  }
  const describe = (error: unknown) => `error: ${(error as Error)?.message ?? String(error)}`

  /** Run an action; a slow one (a re-check, a save) shows `checking…` and holds the keys until it is done. */
  const run = (action: () => void | Promise<unknown>) => {
    running.current = true
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

  const handle = (input: string, key: Key) => {
    if (session.screen === 'closed') return
    if (session.screen === 'confirm-quit') {
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
  }

  useInput((input, key) => {
    // A run of plain characters (typed ahead, or pasted) is one key each.
    if (input.length > 1 && !key.ctrl && !key.meta && !key.escape) {
      for (const character of input) queue.current.push({input: character, key})
    } else {
      queue.current.push({input, key})
    }
    drain()
  })

  return <ReviewScreen snapshot={snapshot} width={columns} busy={busy} colored={colored} />
}
