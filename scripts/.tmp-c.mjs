import {check} from '../dist/index.js'
await check('warm up last chance', {format: 'text', lang: 'en'})
const text = 'ACT NOW '.repeat(3000)
const t = performance.now()
const f = await check(text, {format: 'text', lang: 'en'})
console.log(Math.round(performance.now() - t), 'ms', f.messages.length, 'messages', [...new Set(f.messages.map(m=>m.ruleId))].slice(0,10))
