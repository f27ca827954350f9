/// compromise (DESIGN §10's number and word reading), loaded the first time it is needed: loading
/// it takes half a second or more, which every `awb` command that reads no worded number would
/// otherwise pay at start. Loaded with `require` where the code runs as CommonJS (a bundle of it),
/// else through a `require` made for this ES module.
import { createRequire } from 'node:module';
import type nlpType from 'compromise';

let loaded: typeof nlpType | null = null;

/// The compromise function.
export function compromise(): typeof nlpType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a literal require, so that a CommonJS bundle takes compromise in
  loaded ??= (typeof require === 'function' ? require('compromise') : createRequire(import.meta.url)('compromise')) as typeof nlpType;
  return loaded;
}
