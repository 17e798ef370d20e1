import {ParseEnglish} from 'parse-english'
const tree = new ParseEnglish().parse(process.argv[2].replace(/\\n/g,'\n'))
for (const p of tree.children) if (p.type==='ParagraphNode') for (const s of p.children) if (s.type==='SentenceNode') console.log('S:', JSON.stringify(s.children.map(c=>c.type==='WordNode'?'['+c.children.map(x=>x.value).join('')+']':c.value).join('')))
