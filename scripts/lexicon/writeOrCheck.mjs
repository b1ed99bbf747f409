/**
 * The end of every generated-lexicon script: write the data file, or with --check exit 1 when the committed file is
 * not what the source gives (so a test can keep the two in step).
 */
import fs from 'node:fs';
import path from 'node:path';

/** `built`: the file's text; `source`: what it is generated from, for the message; `script`: how to regenerate it. */
export function writeOrCheck(out, built, source, script) {
  if (process.argv.includes('--check')) {
    const current = fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : '';
    if (current !== built) {
      console.error(`data/lexicon/${path.basename(out)} differs from what ${source} gives: run node ${script}`);
      process.exit(1);
    }
  } else {
    fs.writeFileSync(out, built);
    console.log(`wrote ${out}`);
  }
}
