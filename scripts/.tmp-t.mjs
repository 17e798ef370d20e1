import {check} from '../dist/index.js'
const make = {words: (n)=>'word '.repeat(n), nospace: (n)=>'a'.repeat(n), commas: (n)=>'last chance, '.repeat(n), hyphen: (n)=>'act-now-'.repeat(n), caps: (n)=>'ACT NOW '.repeat(n), bang: (n)=>'wow! '.repeat(n), emoji: (n)=>'😀 '.repeat(n), dutch: (n)=>'nu of nooit '.repeat(n)}
const fmt = process.argv[2] ?? 'text', spell = process.argv[3] === 'spell'
for (const lang of ['en','nl']) await check('warm up last chance', {format: fmt, lang, spell})
for (const [name, f] of Object.entries(make)) {
  const out = []
  for (const size of [25000, 50000, 100000]) {
    const text = f(size).slice(0, size)
    const c = process.cpuUsage()
    await check(text, {format: fmt, lang: name === 'dutch' ? 'nl' : 'en', spell})
    const d = process.cpuUsage(c)
    out.push(`${size/1000}KB ${Math.round((d.user+d.system)/1000)}`)
  }
  console.log(name.padEnd(8), out.join(' | '))
}
