import {readFileSync} from 'node:fs'
import {check} from '../dist/index.js'
const files = process.argv.slice(2)
for (const lang of ['en','nl']) await check('Subject: hi\r\n\r\nwarm up last chance', {format: 'eml', lang, parts: true})
for (const f of files) {
  const meta = JSON.parse(readFileSync(f.replace(/\.\w+$/, '.json'), 'utf8'))
  const input = readFileSync(f)
  const c = process.cpuUsage(); const t = performance.now()
  await check(input, {format: meta.format, lang: meta.lang, parts: meta.format === 'eml'})
  const d = process.cpuUsage(c)
  console.log(f.split('/').pop(), Math.round(performance.now() - t), 'ms wall', Math.round((d.user+d.system)/1000), 'ms CPU')
}
