import {check} from '../dist/index.js'
const mb = () => Math.round(process.memoryUsage().rss / 1e6)
const kind = process.argv[2], lang = process.argv[3] ?? 'en', kb = Number(process.argv[4] ?? 600)
console.log('start', mb())
await check('warm up', {format: 'text', lang, spell: true}); console.log('after warm (dict loaded)', mb())
let text = ''
if (kind === 'ordinary') while (text.length < kb*1000) text += 'Our spring sale ends on Sunday. Free delivery on orders over 50 euros. Thanks for reading, see you next week.\n\n'
if (kind === 'misspelt') { const l='abcdefghijklmnopqrstuvwxyz'; while (text.length < kb*1000) { let w=''; for (let i=0;i<4+Math.floor(Math.random()*10);i++) w+=l[Math.floor(Math.random()*26)]; text += w + ' ' } }
let peak = 0; const iv = setInterval(() => peak = Math.max(peak, mb()), 20)
const c = process.cpuUsage(); const t = performance.now()
const f = await check(text, {format: 'text', lang, spell: true})
clearInterval(iv)
console.log(kind, lang, kb, 'KB:', Math.round(performance.now()-t), 'ms', Math.round((process.cpuUsage(c).user)/1000), 'ms CPU, messages', f.messages.length, 'peak', Math.max(peak, mb()), 'MB')
