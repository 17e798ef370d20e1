/**
 * The playground's script (served as /playground.js). Rules it keeps:
 * copy, findings, reasons and suggestions are only ever put in the page as
 * text (`textContent`, text nodes); no `innerHTML`, no `eval`, no links built
 * from report data. It talks only to this origin (`POST /v1/check`). Its
 * pure helpers live in ./present.ts (tested in Node) and are embedded here
 * as source.
 */
import {codeSegments, guessPastedFormat, plural} from './present.js'

export const scriptJs = String.raw`(function () {
  'use strict'
  ${guessPastedFormat.toString()}
  ${plural.toString()}
  ${codeSegments.toString()}
  var byId = function (id) { return document.getElementById(id) }
  var form = byId('form')
  var copy = byId('copy')
  var fileInput = byId('file')
  var formatSelect = byId('format')
  var langSelect = byId('lang')
  var checkButton = byId('check')
  var statusLine = byId('status')
  var summary = byId('summary')
  var scoresBox = byId('scores')
  var phaseText = byId('phase')
  var tips = byId('tips')
  var findingsList = byId('findings')
  var marked = byId('marked')
  var markedNote = byId('marked-note')
  var download = byId('download')
  var drop = byId('drop')

  var components = [
    ['esp', 'ESP'],
    ['warmth', 'Warmth'],
    ['restraint', 'Restraint'],
    ['freedom', 'Freedom'],
    ['reciprocity', 'Reciprocity'],
    ['distinctiveness', 'Distinctiveness']
  ]
  var extensions = {eml: 'eml', html: 'html', htm: 'html', mjml: 'mjml', md: 'markdown', markdown: 'markdown', txt: 'text'}
  var checkedText = null
  /** An opened .eml file's own bytes, sent as they are while the text box still shows that file. */
  var openedEmail = null
  var requestNumber = 0
  var downloadUrl = null

  function setStatus(text) { statusLine.textContent = text }

  function element(tag, className, text) {
    var node = document.createElement(tag)
    if (className) node.className = className
    if (text !== undefined && text !== null) node.textContent = String(text)
    return node
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild) }

  /** Text with its backticked spans as <code>, all as text nodes. */
  function rich(tag, className, text) {
    var node = element(tag, className)
    var segments = codeSegments(String(text))
    for (var i = 0; i < segments.length; i++) {
      node.appendChild(segments[i].code ? element('code', '', segments[i].text) : document.createTextNode(segments[i].text))
    }
    return node
  }

  /** Offsets of the start of each line, for 1-based line and column to offset. */
  function lineStarts(text) {
    var starts = [0]
    for (var index = 0; index < text.length; index++) if (text.charCodeAt(index) === 10) starts.push(index + 1)
    return starts
  }

  function offsetOf(starts, text, line, column) {
    var start = starts[line - 1]
    if (start === undefined) return text.length
    return Math.min(text.length, start + column - 1)
  }

  async function runCheck() {
    var text = copy.value
    if (!/\S/.test(text)) {
      setStatus('Paste some copy, or open a file, first.')
      copy.focus()
      return
    }
    var mine = ++requestNumber
    checkButton.disabled = true
    setStatus('Checking…')
    var request
    if (openedEmail && openedEmail.text === text && formatSelect.value === 'eml') {
      // The message's own bytes, so parts in other charsets decode as they should.
      request = {url: '/v1/check?parts=true&lang=' + encodeURIComponent(langSelect.value), type: 'message/rfc822', body: openedEmail.bytes}
    } else {
      // parts: an email's decoded parts come back too, to mark its findings in (other formats ignore it).
      var fields = {text: text, lang: langSelect.value, parts: true}
      if (formatSelect.value !== 'auto') fields.format = formatSelect.value
      else {
        // Pasted Markdown or MJML: the service sniffs HTML and email, but not these.
        var guessed = guessPastedFormat(text)
        if (guessed) fields.format = guessed
      }
      request = {url: '/v1/check', type: 'application/json', body: JSON.stringify(fields)}
    }
    try {
      var response = await fetch(request.url, {
        method: 'POST',
        headers: {'content-type': request.type},
        body: request.body,
        credentials: 'same-origin',
        cache: 'no-store'
      })
      var raw = await response.text()
      if (mine !== requestNumber) return
      var data = JSON.parse(raw)
      if (!response.ok) {
        setStatus('Could not check this copy: ' + (data && data.error ? data.error.message : response.status))
        return
      }
      checkedText = text
      render(data, text, raw)
    } catch (error) {
      if (mine === requestNumber) setStatus('Could not reach the trouw service: ' + (error && error.message ? error.message : error))
    } finally {
      if (mine === requestNumber) checkButton.disabled = false
    }
  }

  function render(report, text, raw) {
    var file = report.files[0]
    var messages = file.messages
    var counts = report.summary
    setStatus('Checked: ' + messages.length + (messages.length === 1 ? ' finding' : ' findings') + ', ESP ' + file.scores.esp + '.')
    summary.textContent = plural(counts.errors, 'error', 'errors') + ', ' + plural(counts.warnings, 'warning', 'warnings') + ', ' + plural(counts.infos, 'note', 'notes') + ' · language ' + file.language + ' · format ' + file.format
    renderScores(file.scores)
    phaseText.textContent = file.phase ? file.phase.name + ' (' + Math.round(file.phase.confidence * 100) + '% sure)' : 'none found'
    clear(tips)
    for (var t = 0; t < file.suggestions.length; t++) tips.appendChild(rich('li', '', file.suggestions[t]))
    if (file.suggestions.length === 0) tips.appendChild(element('li', 'hint', 'None: nothing to raise.'))
    var spans = renderMarked(file, messages, text)
    renderFindings(messages, spans, text)
    if (downloadUrl) URL.revokeObjectURL(downloadUrl)
    downloadUrl = URL.createObjectURL(new Blob([raw], {type: 'application/json'}))
    download.href = downloadUrl
    download.hidden = false
  }

  function renderScores(scores) {
    clear(scoresBox)
    for (var index = 0; index < components.length; index++) {
      var key = components[index][0]
      var row = element('div', 'row ' + key)
      var label = element('label', '', components[index][1])
      var meter = element('meter')
      meter.id = 'score-' + key
      label.htmlFor = meter.id
      meter.min = 0
      meter.max = 100
      meter.low = 40
      meter.high = 70
      meter.optimum = 100
      meter.value = scores[key]
      var value = element('output', '', scores[key])
      value.htmlFor = meter.id
      row.appendChild(label)
      row.appendChild(meter)
      row.appendChild(value)
      scoresBox.appendChild(row)
    }
  }

  /** The copy as text nodes, with a <mark> over each span that has findings; the span of each message or null. */
  function renderMarked(file, messages, text) {
    clear(marked)
    var spans = []
    for (var e = 0; e < messages.length; e++) spans.push(null)
    if (file.format === 'eml') {
      renderParts(file, messages, spans)
      return spans
    }
    markedNote.textContent = messages.length ? 'Marked spans have findings; use “Show in copy” to go to one.' : ''
    var all = []
    for (var index = 0; index < messages.length; index++) all.push(index)
    markInto(marked, text, messages, all, spans, false)
    return spans
  }

  var partTitles = {subject: 'Subject', html: 'HTML part (decoded)', text: 'Text part (decoded)'}

  /** The part of an email a message's position points into: a preheader sits in the HTML part. */
  function sourceOf(message) { return message.part === 'preheader' ? 'html' : message.part }

  /**
   * An email's findings point into its decoded parts, not into the message
   * as written: each part is shown on its own, with its findings marked.
   * Those spans are not in the text box, so they get no apply buttons.
   */
  function renderParts(file, messages, spans) {
    var parts = file.parts || {}
    var names = ['subject', 'html', 'text'].filter(function (name) { return typeof parts[name] === 'string' })
    if (names.length === 0) {
      markedNote.textContent = 'Findings in an email point into its decoded subject, text and HTML parts, so they are listed below, not marked here.'
      return
    }
    markedNote.textContent = messages.length ? 'An email is shown as its decoded parts, where its findings point; use “Show in copy” to go to one.' : ''
    for (var n = 0; n < names.length; n++) {
      var heading = element('strong', 'part-name', (n > 0 ? '\n' : '') + partTitles[names[n]] + '\n')
      marked.appendChild(heading)
      var mine = []
      for (var index = 0; index < messages.length; index++) if (sourceOf(messages[index]) === names[n]) mine.push(index)
      markInto(marked, parts[names[n]], messages, mine, spans, true)
    }
  }

  /** The text as text nodes in the container, with a <mark> over each span of the messages at those indexes (their spans go to spans). */
  function markInto(container, text, messages, indexes, spans, readOnly) {
    var starts = lineStarts(text)
    var cuts = [0, text.length]
    var mine = []
    for (var i = 0; i < indexes.length; i++) {
      var index = indexes[i]
      var message = messages[index]
      // An email's finding is marked in its decoded part (inPart); line and column are in the raw file.
      var at = message.inPart || message
      var start = offsetOf(starts, text, at.line, at.column)
      var end = offsetOf(starts, text, at.endLine, at.endColumn)
      if (message.category === 'notice' || end <= start) continue
      spans[index] = {start: start, end: end, readOnly: readOnly}
      mine.push(index)
      cuts.push(start, end)
    }
    cuts.sort(function (a, b) { return a - b })
    for (var c = 0; c + 1 < cuts.length; c++) {
      var from = cuts[c]
      var to = cuts[c + 1]
      if (to <= from) continue
      var piece = text.slice(from, to)
      var covering = []
      for (var m = 0; m < mine.length; m++) if (spans[mine[m]].start <= from && spans[mine[m]].end >= to) covering.push(mine[m])
      if (covering.length === 0) {
        container.appendChild(document.createTextNode(piece))
        continue
      }
      var mark = element('mark', worstSeverity(messages, covering), piece)
      mark.tabIndex = -1
      mark.title = covering.map(function (k) { return messages[k].reason }).join('\n')
      mark.setAttribute('data-findings', covering.join(' '))
      for (var k = 0; k < covering.length; k++) {
        if (!spans[covering[k]].mark) {
          spans[covering[k]].mark = mark
          mark.id = mark.id || 'finding-' + covering[k]
        }
      }
      container.appendChild(mark)
    }
  }

  function worstSeverity(messages, indexes) {
    var rank = {info: 0, warning: 1, error: 2}
    var worst = 'info'
    for (var i = 0; i < indexes.length; i++) if (rank[messages[indexes[i]].severity] > rank[worst]) worst = messages[indexes[i]].severity
    return worst
  }

  function renderFindings(messages, spans, text) {
    clear(findingsList)
    if (messages.length === 0) {
      findingsList.appendChild(element('li', 'hint', 'No findings.'))
      return
    }
    messages.forEach(function (message, index) {
      var item = element('li', 'finding')
      item.appendChild(element('span', 'tag ' + message.severity, message.severity))
      item.appendChild(rich('span', 'reason', message.reason))
      var where = ' (line ' + message.line + ', column ' + message.column + (message.part ? ', ' + message.part : '') + ')'
      item.appendChild(element('span', 'rule', ' ' + message.ruleId + where))
      var actions = element('div', 'actions')
      var span = spans[index]
      if (span && span.mark) {
        var show = element('button', 'quiet', 'Show in copy')
        show.type = 'button'
        show.addEventListener('click', function () { showMark(span.mark) })
        actions.appendChild(show)
      }
      if (span && !span.readOnly && message.edits) {
        // Fixes and suggestions come from the service with their ranges (src/fix.ts): applied as given.
        for (var s = 0; s < message.edits.length && s < 6; s++) {
          var edit = message.edits[s]
          var apply = element('button', edit.kind === 'fix' ? 'quiet apply' : 'quiet apply suggestion', edit.kind === 'fix' ? edit.title : 'Suggestion — ' + edit.title)
          apply.type = 'button'
          apply.title = edit.kind === 'fix' ? 'A fix: keeps every fact of the sentence.' : 'A suggestion: rewrites the sentence; read it before you use it.'
          apply.addEventListener('click', applier(edit))
          actions.appendChild(apply)
        }
      }
      if (message.note) item.appendChild(element('div', 'note', message.note))
      item.appendChild(actions)
      findingsList.appendChild(item)
    })
  }

  function showMark(mark) {
    var current = marked.querySelectorAll('mark.current')
    for (var i = 0; i < current.length; i++) current[i].classList.remove('current')
    mark.classList.add('current')
    mark.scrollIntoView({block: 'center'})
    mark.focus()
  }

  function applier(edit) {
    return function () {
      if (copy.value !== checkedText) {
        setStatus('The copy changed since it was checked: checking it again first.')
        runCheck()
        return
      }
      var text = copy.value
      copy.value = text.slice(0, edit.start) + edit.insert + text.slice(edit.end)
      copy.setSelectionRange(edit.start, edit.start + edit.insert.length)
      setStatus('Applied; checking again…')
      runCheck()
    }
  }

  async function openFile(file) {
    if (!file) return
    if (file.size > 1024 * 1024) {
      setStatus('That file is larger than 1 MB: open a single email or page.')
      return
    }
    var match = /\.([a-z0-9]+)$/i.exec(file.name)
    var format = match ? extensions[match[1].toLowerCase()] : undefined
    formatSelect.value = format || 'auto'
    var bytes = new Uint8Array(await file.arrayBuffer())
    copy.value = new TextDecoder().decode(bytes)
    openedEmail = format === 'eml' ? {bytes: bytes, text: copy.value} : null
    setStatus('Opened ' + file.name + '.')
    runCheck()
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault()
    runCheck()
  })
  copy.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault()
      runCheck()
    }
  })
  fileInput.addEventListener('change', function () {
    openFile(fileInput.files && fileInput.files[0])
  })
  drop.addEventListener('dragover', function (event) {
    event.preventDefault()
    drop.classList.add('dragging')
  })
  drop.addEventListener('dragleave', function () { drop.classList.remove('dragging') })
  drop.addEventListener('drop', function (event) {
    event.preventDefault()
    drop.classList.remove('dragging')
    var files = event.dataTransfer && event.dataTransfer.files
    if (files && files.length) openFile(files[0])
  })
})()
`
