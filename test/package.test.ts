/**
 * What `npm pack` ships: the licence, the attributions the ODbL-licensed
 * sentiment list requires, every `docs/*.md` the CLI and the service point
 * at, and the configuration schema that `$schema` names.
 */
import {describe, expect, it} from 'vitest'
import {spawnSync} from 'node:child_process'
import {readFileSync, readdirSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

function packedFiles(): string[] {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const result = spawnSync(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: root, encoding: 'utf8', timeout: 60000})
  expect(result.status, result.stderr).toBe(0)
  const [pack] = JSON.parse(result.stdout) as [{files: {path: string}[]}]
  return pack.files.map((file) => file.path)
}

/** Every `docs/NAME.md` named in the sources the package runs. */
function docsNamedInSources(): string[] {
  const named = new Set<string>()
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (/\.tsx?$/.test(entry.name)) {
        for (const match of readFileSync(full, 'utf8').matchAll(/\bdocs\/[\w-]+\.md\b/g)) named.add(match[0])
      }
    }
  }
  walk(path.join(root, 'src'))
  return [...named].sort()
}

describe('the npm package', () => {
  const files = packedFiles()

  it('ships the MIT licence and the attributions', () => {
    expect(files).toContain('LICENSE')
    expect(readFileSync(path.join(root, 'LICENSE'), 'utf8')).toMatch(/^MIT License/)
    expect(files).toContain('ATTRIBUTIONS.md')
    const attributions = readFileSync(path.join(root, 'ATTRIBUTIONS.md'), 'utf8')
    expect(attributions).toMatch(/AFINN-165/)
    expect(attributions).toMatch(/Open Database License\s+\(ODbL\)\s+1\.0/)
    expect(attributions).toMatch(/sentiment\.en\.tsv/)
  })

  it('ships the sentiment list it attributes, and says so in the list itself', () => {
    expect(files).toContain('dictionaries/sentiment.en.tsv')
    expect(readFileSync(path.join(root, 'dictionaries/sentiment.en.tsv'), 'utf8').split('\n')[0]).toMatch(/AFINN-165.*ODbL/)
  })

  it('ships every doc the CLI, the service and the messages name', () => {
    const named = docsNamedInSources()
    expect(named).toContain('docs/configuration.md')
    expect(named.length).toBeGreaterThanOrEqual(3)
    for (const doc of named) expect(files, doc).toContain(doc)
  })

  it('ships the configuration schema that `$schema` names', () => {
    expect(files).toContain('schema/trouwrc.schema.json')
    const schema = JSON.parse(readFileSync(path.join(root, 'schema/trouwrc.schema.json'), 'utf8')) as {$id: string}
    expect(schema.$id).toMatch(/\/schema\/trouwrc\.schema\.json$/)
  })

  it('ships the bins it declares', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>}
    for (const bin of Object.values(manifest.bin)) expect(files).toContain(bin)
  })
})
