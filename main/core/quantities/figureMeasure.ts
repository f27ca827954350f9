/// The measure suggested for a figure already tagged: read from its sentence, from the figure on
/// (see `suggestMeasure`), in the spelling of a measure the workspace already uses.
import { InvalidChangeError } from '../errors.js';
import type { DocumentFile } from '../model.js';
import { sentenceAround } from '../text/sentenceAround.js';
import { completeMeasure, suggestMeasure } from './suggestMeasure.js';

/// The measure to suggest for figure `annotationId` of `file`, or null when its sentence names none.
export function suggestFigureMeasure(file: DocumentFile, annotationId: string, used: readonly string[]): string | null {
  const figure = file.annotations.find((a) => a.id === annotationId);
  if (!figure) throw new InvalidChangeError(`no annotation ${annotationId} in "${file.document.title}"`);
  const sentence = sentenceAround(file.document.text, figure.start, figure.end);
  const suggestion = suggestMeasure(file.document.text.slice(figure.start, sentence.end));
  return suggestion === null ? null : completeMeasure(suggestion, used);
}
