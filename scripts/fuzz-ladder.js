#!/usr/bin/env node
/**
 * The size ladder: `node scripts/fuzz-ladder.js [--format F] [--shape NAME]
 * [--spell] [--rounds R] [--max KB]`. Checks each input shape of each format
 * at 1, 4, 16, 64, 256 and 1024 KB through the built API (`dist/`; run
 * `npm run build` first), the whole check (extract, parse, rules, ESP),
 * and prints the CPU milliseconds per KB at each size (best of R rounds,
 * default 3; fewer for the big sizes). Linear work keeps ms/KB about flat;
 * the last column is the 1 MB cost per KB over the 16 KB one, and a shape
 * whose cost per KB grows more than 3x over that range is marked
 * SUPERLINEAR (exit 1). A shape whose check takes more than 20 s of CPU is
 * not measured at bigger sizes (the growth is then up to the last size
 * measured). CPU time, not the wall clock: the machine is shared.
 */
import {check, InputError} from '../dist/index.js'

const args = process.argv.slice(2)
const option = (name, fallback) => {
  const at = args.indexOf('--' + name)
  return at === -1 ? fallback : args[at + 1]
}
const only = option('format', undefined)
const onlyShape = option('shape', undefined)
const spell = args.includes('--spell')
const rounds = Number(option('rounds', '3'))
const maxKb = Number(option('max', '1024'))
const sizes = [1, 4, 16, 64, 256, 1024].filter((kb) => kb <= maxKb)

/** `unit` repeated to `size` characters, with `every` after each 4 KB of units. */
function fill(unit, size, every) {
  let text = ''
  while (text.length < size) text += every ? unit.repeat(Math.ceil(4000 / unit.length)) + every : unit
  return text.slice(0, size)
}

const prose = {
  en: 'Our spring range is in: linen shirts, made in Porto, and you can return them for free. Only today, act now or miss out forever! We are so thrilled. ',
  nl: 'Onze lentecollectie is binnen: linnen overhemden, gemaakt in Porto, en je stuurt ze gratis terug. Alleen vandaag, nu of nooit! We zijn zo blij. '
}
const words = 'offer today last chance act now you will miss out amazing truly love deal hurry ends tonight free shipping'.split(' ')
/** Deterministic pseudo-random words (no repeats of one sentence: the caches would flatter). */
function varied(size) {
  let state = 7
  let text = ''
  while (text.length < size) {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    text += words[state % words.length] + (state % 11 === 0 ? '. ' : state % 37 === 0 ? '!\n\n' : ' ')
  }
  return text.slice(0, size)
}

/** Input shapes per format: `(size) => text`. Each is a kind of copy or an attack the format layer or a scan sees. */
const shapes = {
  text: {
    prose: (size) => fill(prose.en, size),
    'varied words': (size) => varied(size),
    'one long line': (size) => varied(size).replace(/\n/g, ' '),
    'template openers': (size) => fill('{{ {% ', size),
    'closed merge tags': (size) => fill('{{ first_name }} and {% if x %}yes{% endif %}\n', size),
    'dotted words with domains': (size) => fill('word.other.', size, ' shop.example.nl '),
    'shouting': (size) => fill('ACT NOW ', size),
    'quote markers': (size) => fill('> ', size - 10) + 'last chance'
  },
  markdown: {
    prose: (size) => fill('# Spring\n\n' + prose.en + '\n\n- ' + prose.en + '\n\n', size),
    'dense emphasis': (size) => fill('**a** _b_ `c` [d](http://x.nl) ', size),
    'unclosed strong': (size) => fill('**a', size),
    'mixed delimiters': (size) => fill('*a_ **b* _', size),
    'unclosed brackets': (size) => fill('[a', size),
    'nested lists (flat run)': (size) => fill('- a\n  - b\n    - c\n', size),
    'quotes': (size) => fill('> ' + prose.en + '\n', size),
    'quoted nested lists': (size) => fill('> - a\n>   - b\n', size),
    'one item, long nested list': (size) => '- top\n' + fill('  - b\n    - c\n', size - 6),
    'html comments': (size) => fill('<!-- a ', size),
    'tables': (size) => '| a | b |\n|---|---|\n' + fill('| ' + prose.en.slice(0, 40) + ' | x |\n', size)
  },
  html: {
    prose: (size) => '<!doctype html><html><body>' + fill('<p>' + prose.nl + '</p>\n', size),
    'unclosed tags': (size) => fill('<b>word ', size),
    'tables': (size) => '<table>' + fill('<tr><td>' + prose.en.slice(0, 60) + '</td></tr>', size),
    'comments': (size) => fill('<!-- a --> word ', size),
    'unclosed ignore comment': (size) => fill('<p>' + prose.en + '</p>', size) + '<!--trouw ignore',
    'entities': (size) => fill('&amp; &#x110000; &nbsp;word ', size),
    'attributes': (size) => fill('<a href="https://x.nl/?a=1&b=2" title="Act now">Act now</a> ', size)
  },
  mjml: {
    prose: (size) => '<mjml><mj-body><mj-section><mj-column>' + fill('<mj-text>' + prose.en + '</mj-text>', size) + '</mj-column></mj-section></mj-body></mjml>',
    'unclosed mj-text': (size) => '<mjml><mj-body><mj-column>' + fill('<mj-text>word ', size),
    'unclosed start tags': (size) => '<mjml><mj-body>' + fill('<mj-text ', size),
    'comments': (size) => '<mjml><mj-body>' + fill('<!-- <mj-text> ', size),
    'buttons': (size) => '<mjml><mj-body><mj-section><mj-column>' + fill('<mj-button href="#">Act now</mj-button>', size) + '</mj-column></mj-section></mj-body></mjml>'
  },
  eml: {
    'plain 8bit': (size) => mail('text/plain', '8bit', fill(prose.en + '\r\n', size)),
    'html quoted-printable': (size) => mail('text/html', 'quoted-printable', fill('<p>' + prose.nl.replace(/ /g, '=20') + '</p>=\r\n', size)),
    'html base64': (size) => mail('text/html', 'base64', Buffer.from(fill('<p>' + prose.en + '</p>', Math.floor(size * 0.74))).toString('base64').replace(/.{76}/g, '$&\r\n')),
    'many parts': (size) => multipart(size)
  }
}

function mail(type, encoding, body) {
  return `From: Shop <shop@example.com>\r\nTo: you@example.com\r\nSubject: Last chance\r\nMIME-Version: 1.0\r\nContent-Type: ${type}; charset=utf-8\r\nContent-Transfer-Encoding: ${encoding}\r\n\r\n${body}`
}

function multipart(size) {
  let body = ''
  for (let index = 0; body.length < size; index++) {
    body += `--b\r\nContent-Type: ${index % 2 ? 'text/html' : 'text/plain'}; charset=utf-8\r\n\r\n${index % 2 ? '<p>' + prose.en + '</p>' : prose.nl}\r\n`
  }
  return `From: Shop <shop@example.com>\r\nSubject: Parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n${body}--b--\r\n`
}

async function cpuOf(text, format, lang) {
  const start = process.cpuUsage()
  let refused = false
  try {
    await check(text, {format, lang, spell, parts: format === 'eml'})
  } catch (error) {
    if (!(error instanceof InputError)) throw error
    refused = true
  }
  const used = process.cpuUsage(start)
  return {ms: (used.user + used.system) / 1000, refused}
}

// Warm up: rules, lexicons, parsers and (with --spell) dictionaries load once per process.
for (const lang of ['en', 'nl']) await check('Warm up. Opwarmen.', {lang, spell})

let superlinear = 0
console.log(`ladder: CPU ms per KB at ${sizes.join(', ')} KB (best of ${rounds}), spelling ${spell ? 'on' : 'off'}`)
for (const [format, list] of Object.entries(shapes)) {
  if (only && format !== only) continue
  for (const [name, make] of Object.entries(list)) {
    if (onlyShape && name !== onlyShape) continue
    const perKb = []
    let refusedAt
    let stoppedAt
    for (const kb of sizes) {
      if (stoppedAt) break
      const text = make(kb * 1024)
      let best = Number.POSITIVE_INFINITY
      const tries = kb >= 256 ? Math.min(rounds, 2) : rounds
      for (let round = 0; round < tries; round++) {
        const {ms, refused} = await cpuOf(text, format, format === 'html' ? 'nl' : 'en')
        if (refused) refusedAt ??= kb
        best = Math.min(best, ms)
      }
      perKb.push(best / kb)
      if (best > 20_000) stoppedAt = kb
    }
    const at16 = perKb[sizes.indexOf(16)]
    const growth = perKb.length > 0 && at16 ? perKb[perKb.length - 1] / at16 : Number.NaN
    const flag = growth > 3 ? '  SUPERLINEAR' : ''
    if (flag) superlinear++
    console.log(`${format.padEnd(8)} ${name.padEnd(28)} ${perKb.map((value) => value.toFixed(2).padStart(7)).join(' ')}  x${growth.toFixed(2)}${refusedAt ? `  (refused from ${refusedAt} KB)` : ''}${stoppedAt && stoppedAt < sizes[sizes.length - 1] ? `  (stopped after ${stoppedAt} KB: over 20 s)` : ''}${flag}`)
  }
}
process.exit(superlinear > 0 ? 1 : 0)
