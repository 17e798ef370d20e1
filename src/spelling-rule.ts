/** The built-in spelling rule's id and docs: a module of its own so that naming it loads no dictionary. */
export const spellingRuleId = 'spelling/misspelt'
export const spellingDocs = 'https://github.com/trouw-dev/trouw/blob/main/docs/spelling.md'
