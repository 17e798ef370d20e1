/** Review's file handling: through a link it edits the target, a vanished file is named, interrupted saves leave no temporary file. */
import {spawn} from 'node:child_process'
import {once} from 'node:events'
import {lstat, mkdtemp, readFile, readdir, readlink, symlink, unlink, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {ReviewSession} from '../src/ui/review-session.js'
import {writeFileAtomic} from '../src/ui/save.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const copy = '# Spring\n\nOur linen range is absolutely stunning, truly gorgeous and amazing.\n'

async function folderWith(name: string, content: string): Promise<{folder: string; file: string}> {
  const folder = await mkdtemp(path.join(os.tmpdir(), 'trouw-review-files-'))
  const file = path.join(folder, name)
  await writeFile(file, content)
  return {folder, file}
}

describe('review file handling', () => {
  it('saving through a symbolic link edits the target and keeps the link', async () => {
    const {folder, file} = await folderWith('target.md', copy)
    const link = path.join(folder, 'link.md')
    await symlink('target.md', link)
    const session = await ReviewSession.open(link, {check: {lang: 'en'}})
    await session.apply()
    expect(session.dirty).toBe(true)
    expect(await session.save()).toBe(true)
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readlink(link)).toBe('target.md')
    expect(await readFile(file, 'utf8')).toBe(session.text)
    expect(session.text).not.toBe(copy)
    expect((await readdir(folder)).sort()).toEqual(['link.md', 'target.md'])
  })

  it('says when the file was deleted during review instead of making it again', async () => {
    const {folder, file} = await folderWith('gone.md', copy)
    const session = await ReviewSession.open(file, {check: {lang: 'en'}})
    await session.apply()
    await unlink(file)
    expect(await session.save()).toBe(false)
    expect(session.snapshot().notice).toBe(`${file} was deleted or moved since review read it: w again saves it there anyway, q then n leaves it gone`)
    expect(await readdir(folder)).toEqual([])
    // Asked twice, it saves.
    expect(await session.save()).toBe(true)
    expect(await readFile(file, 'utf8')).toBe(session.text)
  })

  it('an interrupted save leaves no temporary file', async () => {
    const {folder, file} = await folderWith('big.md', 'x')
    // A child that starts a save and is sent SIGTERM while the temporary file is open.
    const script = `
      import {writeFileAtomic} from ${JSON.stringify(path.join(root, 'dist/ui/save.js'))}
      import {promises as fs} from 'node:fs'
      const open = async (...args) => {
        const handle = await fs.open(...args)
        setInterval(() => {}, 1000)
        process.stdout.write("open\\n")
        await new Promise(() => {})
        return handle
      }
      await writeFileAtomic(${JSON.stringify(file)}, 'new', {fs: {open}})
    `
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], {stdio: ['ignore', 'pipe', 'inherit']})
    let out = ''
    child.stdout.setEncoding('utf8')
    await new Promise<void>((resolve) => child.stdout.on('data', (chunk: string) => ((out += chunk), out.includes('open') && resolve())))
    expect((await readdir(folder)).some((name) => name.endsWith('.tmp'))).toBe(true)
    child.kill('SIGTERM')
    const [code] = await once(child, 'exit')
    expect(code).toBe(143)
    expect(await readdir(folder)).toEqual(['big.md'])
    expect(await readFile(file, 'utf8')).toBe('x')
  })

  it('writeFileAtomic follows a link to a file in another folder', async () => {
    const {folder, file} = await folderWith('real.html', '<p>old</p>')
    const elsewhere = await mkdtemp(path.join(os.tmpdir(), 'trouw-review-link-'))
    const link = path.join(elsewhere, 'page.html')
    await symlink(file, link)
    await writeFileAtomic(link, '<p>new</p>')
    expect(await readFile(file, 'utf8')).toBe('<p>new</p>')
    expect((await lstat(link)).isSymbolicLink()).toBe(true)
    expect(await readdir(elsewhere)).toEqual(['page.html'])
    expect(await readdir(folder)).toEqual(['real.html'])
  })
})
