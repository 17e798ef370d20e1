/**
 * A text's sentences as the plugin sees them (tokens, words, the sentence
 * before in its paragraph), for the learned layer's training script and
 * tests: the same tokenizer and sentence cuts as `src/plugin.ts`.
 */
import type {Root} from 'nlcst'
import {unified} from 'unified'
import retextEnglish from 'retext-english'
import retextDutch from 'retext-dutch'
import type {Language} from '../types.js'
import type {SentenceView} from '../kinds/kind.js'
import {sentenceTokens, splitSentence, type Token} from '../tokens.js'
import {collectWords} from '../interest.js'

export type LearnedSentence = Pick<SentenceView, 'lang' | 'text' | 'start' | 'end' | 'tokens' | 'words' | 'earlier'>

/** Every sentence of `text`, in reading order, each with the one before it in its paragraph. */
export function sentencesOf(text: string, lang: Language): LearnedSentence[] {
  const parser = unified().use(lang === 'nl' ? retextDutch : retextEnglish)
  const tree = parser.parse(text) as Root
  const sentences: LearnedSentence[] = []
  for (const paragraph of tree.children) {
    if (paragraph.type !== 'ParagraphNode') continue
    let earlier: LearnedSentence | undefined
    for (const sentence of paragraph.children) {
      if (sentence.type !== 'SentenceNode') continue
      for (const tokens of splitSentence(sentenceTokens(sentence, text, []))) {
        if (tokens.length === 0) continue
        const words: Token[] = []
        collectWords(tokens, text, lang, words)
        const view: LearnedSentence = {
          lang,
          text,
          start: tokens[0].start,
          end: tokens[tokens.length - 1].end,
          tokens,
          words,
          earlier: earlier as SentenceView | undefined
        }
        sentences.push(view)
        earlier = {...view, earlier: undefined}
      }
    }
  }
  return sentences
}
