import {check} from '../dist/index.js'
const lang = process.argv[2]
const c = process.cpuUsage(); const t = performance.now()
await check('Bestel vandaag nog, morgen in huis. Gratis verzending.', {format: 'text', lang, spell: process.argv[3] !== 'nospell'})
console.log(lang, process.argv[3] ?? 'spell', 'first check', Math.round(performance.now()-t), 'ms wall', Math.round((process.cpuUsage(c).user + process.cpuUsage(c).system)/1000), 'ms CPU', Math.round(process.memoryUsage().rss/1e6), 'MB')
const t2 = performance.now(); await check('Bestel vandaag nog, morgen in huis. Gratis verzendig.', {format: 'text', lang, spell: true}); console.log('second', Math.round(performance.now()-t2), 'ms')
