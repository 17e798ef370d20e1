/**
 * The playground: three files served by the trouw service at `/`,
 * `/playground.js` and `/playground.css`. Self-contained (no external
 * assets, works offline) and made for a strict Content-Security-Policy:
 * no inline script or style.
 */
import {pageHtml} from './page.js'
import {scriptJs} from './script.js'
import {styleCss} from './style.js'

export interface StaticFile {
  type: string
  body: string
}

export const playgroundFiles: Readonly<Record<string, StaticFile>> = {
  '/': {type: 'text/html; charset=utf-8', body: pageHtml},
  '/index.html': {type: 'text/html; charset=utf-8', body: pageHtml},
  '/playground.js': {type: 'text/javascript; charset=utf-8', body: scriptJs},
  '/playground.css': {type: 'text/css; charset=utf-8', body: styleCss}
}
