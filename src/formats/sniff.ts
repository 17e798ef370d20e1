/** Cheap checks on the first bytes of an input, without loading any parser. */

const headerLine = /^[!-9;-~]+:/
const headStart = new TextDecoder('utf-8')

/** Whether `bytes` start like a MIME message: a header line (or an mbox `From ` line). */
export function looksLikeMessage(bytes: Uint8Array | string): boolean {
  const head = (typeof bytes === 'string' ? bytes.slice(0, 1024) : headStart.decode(bytes.subarray(0, 1024))).replace(/^\uFEFF/, '')
  return headerLine.test(head) || head.startsWith('From ')
}
