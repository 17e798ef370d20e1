/**
 * deploy/Dockerfile and deploy/kubernetes.yaml, checked without a Docker
 * engine or a cluster: the Dockerfile parses and validates (dockerfile-utils,
 * the parser behind the Dockerfile language server), every path it copies
 * is in the project (tracked by git) or made by the build, and the image
 * runs `trouw serve` as a non-root user with /healthz as its health check
 * and SIGTERM as its stop signal; the health check command and the stop
 * signal are tried on a real `trouw serve`. The manifest validates against
 * the Kubernetes API schema (kubernetes-models: validators generated from
 * Kubernetes' OpenAPI schema with ajv), and its probes, ports and resources
 * agree with the Dockerfile and with the sizing in docs/service.md. Those
 * validators allow fields Kubernetes does not know (the API schema does not
 * forbid them, but `kubectl apply` rejects them), so the manifest is also
 * type-checked against kubernetes-types, where a misspelt field is an error.
 */
import {describe, expect, it} from 'vitest'
import {spawn, spawnSync} from 'node:child_process'
import {once} from 'node:events'
import {existsSync, readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {DockerfileParser, type Instruction} from 'dockerfile-ast'
import {validate as validateDockerfile} from 'dockerfile-utils'
import {parseAllDocuments} from 'yaml'
import {Deployment} from 'kubernetes-models/apps/v1'
import {Service} from 'kubernetes-models/v1'
import ts from 'typescript'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dockerfileText = readFileSync(path.join(root, 'deploy', 'Dockerfile'), 'utf8')
const dockerfile = DockerfileParser.parse(dockerfileText)
const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {bin: Record<string, string>; files: string[]}
const serviceDocs = readFileSync(path.join(root, 'docs', 'service.md'), 'utf8')

/** The instructions of each stage, with its name and working directory. */
function stages() {
  const list: Array<{name?: string; instructions: Instruction[]; workdir: string}> = []
  for (const instruction of dockerfile.getInstructions()) {
    const keyword = instruction.getKeyword()
    if (keyword === 'FROM') {
      const args = instruction.getArguments().map((arg) => arg.getValue())
      const as = args.findIndex((arg) => arg.toUpperCase() === 'AS')
      list.push({name: as === -1 ? undefined : args[as + 1], instructions: [], workdir: '/'})
      continue
    }
    const stage = list.at(-1)
    if (!stage) continue
    stage.instructions.push(instruction)
    if (keyword === 'WORKDIR') stage.workdir = path.posix.resolve(stage.workdir, instruction.getArguments()[0].getValue())
  }
  return list
}

/** A COPY's sources, destination and `--from`. */
function copyOf(instruction: Instruction): {sources: string[]; destination: string; from?: string} {
  const args = instruction.getArguments().map((arg) => arg.getValue())
  const from = (instruction as unknown as {getFromFlag(): {getValue(): string} | null}).getFromFlag?.()?.getValue()
  return {sources: args.slice(0, -1), destination: args.at(-1)!, from}
}

/** JSON (exec) form arguments of an instruction such as ENTRYPOINT or CMD. */
function execForm(instruction: Instruction | undefined): string[] {
  expect(instruction).toBeDefined()
  const text = instruction!.getRawArgumentsContent()!.replace(/\\\n/g, '')
  const json = text.slice(text.indexOf('['))
  return JSON.parse(json) as string[]
}

/** Whether git tracks `relative` (a file, or a folder with tracked files). */
function tracked(relative: string): boolean {
  const result = spawnSync('git', ['ls-files', '--', relative], {cwd: root, encoding: 'utf8'})
  if (result.status !== 0) return existsSync(path.join(root, relative))
  return result.stdout.trim() !== ''
}

describe('deploy/Dockerfile', () => {
  const all = stages()
  const [build, run] = [all.find((stage) => stage.name === 'build'), all.at(-1)!]
  const last = (keyword: string) => run.instructions.filter((instruction) => instruction.getKeyword() === keyword).at(-1)

  it('parses and validates without a problem', () => {
    const problems = validateDockerfile(dockerfileText).map((item) => `${item.range.start.line + 1}: ${item.message}`)
    expect(problems).toEqual([])
    expect(all.length).toBe(2)
    expect(build).toBeDefined()
  })

  it('starts from a slim Node 20 image', () => {
    const arg = dockerfile.getInstructions().find((instruction) => instruction.getKeyword() === 'ARG')
    const [name, image] = arg!.getArguments()[0].getValue().split('=')
    expect(name).toBe('NODE_IMAGE')
    expect(image).toMatch(/^node:20(\.\d+)*-[a-z]+-slim$/)
    for (const from of dockerfile.getFROMs()) expect(from.getArguments()[0].getValue()).toBe('${NODE_IMAGE}')
  })

  it('copies only what is in the project, or what the build made', () => {
    const outDir = (JSON.parse(readFileSync(path.join(root, 'tsconfig.json'), 'utf8')) as {compilerOptions: {outDir: string}}).compilerOptions.outDir
    const copiedIntoBuild = new Set<string>([outDir])
    for (const stage of all) {
      for (const instruction of stage.instructions.filter((item) => item.getKeyword() === 'COPY')) {
        const {sources, destination, from} = copyOf(instruction)
        for (const source of sources) {
          if (from === undefined) {
            expect(tracked(source), `${source} (COPY, line ${instruction.getRange().start.line + 1}) is not in the project`).toBe(true)
            if (stage === build) copiedIntoBuild.add(path.posix.normalize(source))
          } else {
            expect(from).toBe('build')
            const relative = path.posix.relative(build!.workdir, source)
            expect(copiedIntoBuild.has(relative), `${source} (COPY --from=build) is neither copied into the build stage nor built`).toBe(true)
            // The runtime image holds what the npm package ships.
            expect(packageJson.files).toContain(relative)
          }
        }
        expect(destination).not.toBe('/')
      }
    }
    expect(existsSync(path.join(root, outDir, 'cli', 'bin.js')), 'the build makes dist/cli/bin.js').toBe(true)
  })

  it('runs trouw serve as the non-root node user on the port it exposes', () => {
    expect(last('USER')?.getArguments()[0].getValue()).toBe('node')
    const entrypoint = execForm(last('ENTRYPOINT'))
    expect(entrypoint.slice(0, 3)).toEqual(['node', packageJson.bin.trouw.replace(/^\.\//, ''), 'serve'])
    expect(entrypoint[entrypoint.indexOf('--host') + 1]).toBe('0.0.0.0')
    const port = entrypoint[entrypoint.indexOf('--port') + 1]
    expect(last('EXPOSE')?.getArguments()[0].getValue()).toBe(port)
    expect(execForm(last('CMD'))).toEqual(['--workers', '1'])
    expect(last('STOPSIGNAL')?.getArguments()[0].getValue()).toBe('SIGTERM')
    const healthcheck = execForm(last('HEALTHCHECK'))
    expect(healthcheck.join(' ')).toContain(`http://127.0.0.1:${port}/healthz`)
  })

  it('its health check passes on a running service, and its stop signal stops it cleanly', async () => {
    const child = spawn(process.execPath, [path.join(root, packageJson.bin.trouw), 'serve', '--port', '0', '--workers', '1'], {stdio: ['ignore', 'ignore', 'pipe']})
    let log = ''
    const listening = new Promise<string>((resolve, reject) => {
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
        log += chunk
        const url = /"url":"([^"]+)"/.exec(log)?.[1]
        if (url) resolve(url)
      })
      child.on('exit', () => reject(new Error(`trouw serve exited: ${log}`)))
    })
    const exited = once(child, 'exit')
    try {
      const url = await listening
      const probe = execForm(last('HEALTHCHECK'))
      const [command, ...args] = probe.map((arg) => arg.replace('http://127.0.0.1:8080', url))
      expect(command).toBe('node')
      const healthy = spawnSync(process.execPath, args, {encoding: 'utf8', timeout: 20_000})
      expect(healthy.status, healthy.stderr).toBe(0)
      child.kill(last('STOPSIGNAL')!.getArguments()[0].getValue() as NodeJS.Signals)
      const [code] = await exited
      expect(code).toBe(0)
      expect(log).toContain('"event":"stopped"')
      const gone = spawnSync(process.execPath, args, {encoding: 'utf8', timeout: 20_000})
      expect(gone.status).toBe(1)
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL')
    }
  }, 60_000)
})

describe('deploy/kubernetes.yaml', () => {
  const documents = parseAllDocuments(readFileSync(path.join(root, 'deploy', 'kubernetes.yaml'), 'utf8')).map((document) => {
    expect(document.errors).toEqual([])
    return document.toJS() as {apiVersion: string; kind: string}
  })
  const deployment = documents.find((document) => document.kind === 'Deployment') as Deployment | undefined
  const service = documents.find((document) => document.kind === 'Service') as Service | undefined
  const container = () => deployment!.spec!.template.spec!.containers[0]

  it('holds a Deployment and a Service that validate against the Kubernetes schema', () => {
    expect(documents.map((document) => `${document.apiVersion} ${document.kind}`)).toEqual(['apps/v1 Deployment', 'v1 Service'])
    expect(() => new Deployment(deployment).validate()).not.toThrow()
    expect(() => new Service(service).validate()).not.toThrow()
    // The validators do find mistakes: a string where a count belongs.
    expect(() => new Deployment({...deployment!, spec: {...deployment!.spec!, replicas: 'two' as unknown as number}}).validate()).toThrow(/replicas must be integer/)
  })

  it('names no field Kubernetes does not know (type-checked against kubernetes-types)', () => {
    const container = deployment!.spec!.template.spec!.containers[0]
    const typo = {...deployment!, spec: {...deployment!.spec!, template: {...deployment!.spec!.template, spec: {...deployment!.spec!.template.spec!, containers: [{...container, readinesProbe: container.readinessProbe}]}}}}
    const file = path.join(root, 'test', '__kubernetes-manifest__.ts')
    const source = [
      "import type {Deployment} from 'kubernetes-types/apps/v1'",
      "import type {Service} from 'kubernetes-types/core/v1'",
      `export const deployment: Deployment = ${JSON.stringify(deployment)}`,
      `export const service: Service = ${JSON.stringify(service)}`,
      `export const misspelt: Deployment = ${JSON.stringify(typo)}`,
      ''
    ].join('\n')
    const options: ts.CompilerOptions = {strict: true, noEmit: true, types: [], lib: ['lib.es2022.d.ts'], module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true}
    const host = ts.createCompilerHost(options)
    const getSourceFile = host.getSourceFile.bind(host)
    host.getSourceFile = (name, language, ...rest) => (name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest))
    const fileExists = host.fileExists.bind(host)
    host.fileExists = (name) => name === file || fileExists(name)
    const program = ts.createProgram([file], options, host)
    const problems = ts.getPreEmitDiagnostics(program).map((item) => ({
      line: item.file ? item.file.getLineAndCharacterOfPosition(item.start ?? 0).line + 1 : 0,
      text: ts.flattenDiagnosticMessageText(item.messageText, ' ')
    }))
    // Only the deliberately misspelt copy (line 5) fails, and for that field.
    expect(problems.length, JSON.stringify(problems)).toBe(1)
    expect(problems[0].line).toBe(5)
    expect(problems[0].text).toMatch(/readinesProbe/)
  }, 60_000)

  it('sizes the replicas as docs/service.md does', () => {
    // "say two single-core replicas with `--workers 1`", "Budget about 350 MB per replica".
    const replicas = /say (\w+) single-core replicas with\s+`--workers 1`/.exec(serviceDocs)
    expect(replicas, 'docs/service.md names the replica count').not.toBeNull()
    expect(deployment!.spec!.replicas).toBe({one: 1, two: 2, three: 3, four: 4}[replicas![1]])
    expect(container().args).toEqual(['--workers', '1'])
    expect(container().resources!.requests!.cpu).toBe('1')
    const budget = /Budget about (\d+) MB per replica/.exec(serviceDocs)
    expect(budget, 'docs/service.md names the memory budget').not.toBeNull()
    expect(container().resources!.requests!.memory).toBe(`${budget![1]}Mi`)
    expect(Number.parseInt(String(container().resources!.limits!.memory), 10)).toBeGreaterThan(Number(budget![1]))
  })

  it('probes /healthz on the port the image serves, and gives requests in flight time to finish', () => {
    const port = execForm(dockerfile.getInstructions().filter((instruction) => instruction.getKeyword() === 'ENTRYPOINT').at(-1)).at(-1)
    const http = container().ports!.find((item) => item.name === 'http')
    expect(String(http?.containerPort)).toBe(port)
    for (const probe of [container().readinessProbe, container().livenessProbe]) {
      expect(probe?.httpGet?.path).toBe('/healthz')
      expect(probe?.httpGet?.port).toBe('http')
    }
    // --check-timeout defaults to 30 s; the grace period covers it and the preStop pause.
    expect(deployment!.spec!.template.spec!.terminationGracePeriodSeconds).toBeGreaterThanOrEqual(35)
    expect(deployment!.spec!.template.spec!.securityContext?.runAsNonRoot).toBe(true)
  })

  it('has a Service that selects the Deployment’s pods and targets their port', () => {
    expect(deployment!.spec!.selector.matchLabels).toEqual(deployment!.spec!.template.metadata!.labels)
    for (const [key, value] of Object.entries(service!.spec!.selector!)) expect(deployment!.spec!.template.metadata!.labels![key]).toBe(value)
    expect(service!.spec!.ports![0].targetPort).toBe('http')
  })
})
