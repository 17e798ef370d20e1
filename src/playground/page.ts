/**
 * The playground's HTML: a static page with no copy in it. Everything the
 * user types is rendered later by playground.js as text nodes.
 */
export const pageHtml = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>trouw playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/playground.css">
<script src="/playground.js" defer></script>
</head>
<body>
<a class="skip" href="#results">Skip to the results</a>
<header>
  <h1>trouw playground</h1>
  <p>Check English or Dutch marketing copy for forced loyalty and faked emotion, and see its emotional selling proposition (ESP) score. The copy is checked by this service and is not stored.</p>
</header>
<main>
  <section id="input" aria-labelledby="input-title">
    <h2 id="input-title">Copy</h2>
    <form id="form" novalidate>
      <div id="drop" class="drop">
        <label for="copy">Paste copy, or drop an .eml, .html, .mjml, .md or .txt file here</label>
        <textarea id="copy" name="copy" rows="16" spellcheck="true" autocomplete="off" aria-describedby="copy-hint"></textarea>
        <p id="copy-hint" class="hint">Ctrl+Enter checks the copy.</p>
      </div>
      <div class="controls">
        <div class="field">
          <label for="file">Open a file</label>
          <input id="file" name="file" type="file" accept=".eml,.html,.htm,.mjml,.md,.markdown,.txt,message/rfc822,text/html,text/markdown,text/plain">
        </div>
        <div class="field">
          <label for="format">Format</label>
          <select id="format" name="format">
            <option value="auto">detect</option>
            <option value="text">text</option>
            <option value="markdown">Markdown</option>
            <option value="html">HTML</option>
            <option value="mjml">MJML</option>
            <option value="eml">email (.eml)</option>
          </select>
        </div>
        <div class="field">
          <label for="lang">Language</label>
          <select id="lang" name="lang">
            <option value="auto">detect</option>
            <option value="en">English</option>
            <option value="nl">Dutch</option>
          </select>
        </div>
        <button id="check" type="submit">Check</button>
      </div>
    </form>
    <p id="status" role="status" aria-live="polite"></p>
  </section>
  <section id="results" aria-labelledby="results-title" tabindex="-1">
    <h2 id="results-title">Results</h2>
    <div id="summary" class="summary"></div>
    <h3 id="scores-title">Scores</h3>
    <div id="scores" class="scores" aria-labelledby="scores-title"></div>
    <p>Phase: <span id="phase">not checked yet</span></p>
    <h3 id="marked-title">Copy with findings marked</h3>
    <p id="marked-note" class="hint"></p>
    <pre id="marked" class="marked" aria-labelledby="marked-title"></pre>
    <h3 id="findings-title">Findings</h3>
    <ol id="findings" aria-labelledby="findings-title"></ol>
    <h3 id="tips-title">Suggestions for a higher ESP</h3>
    <ul id="tips" aria-labelledby="tips-title"></ul>
    <p><a id="download" download="trouw-report.json" hidden>Download the JSON report</a></p>
  </section>
</main>
</body>
</html>
`
