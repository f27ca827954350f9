/// What kind of file a chosen or dropped file is, by its name: an article, our own exchange file
/// (imported at once), or another tool's annotations (through the annotation import dialog); and
/// the formats and label map that dialog takes.

/// Whether a chosen file is our own exchange file, imported at once.
export function isExchangeFile(name: string): boolean {
  return name.toLowerCase().endsWith('.awb.json');
}

/// The formats the service reads (its FOREIGN_FORMATS, which a test holds this to), with their names.
export const ANNOTATION_FORMATS = [
  ['brat', 'brat standoff (a .zip of .txt and .ann files)'],
  ['doccano', 'doccano JSONL'],
  ['prodigy', 'Prodigy JSONL'],
  ['label-studio', 'Label Studio JSON export'],
  ['w3c', 'W3C Web Annotation'],
  ['conll', 'CoNLL (IOB2)'],
  ['exchange', 'Annotation Workbench exchange file'],
] as const;

/// Whether a chosen file is another tool's annotations (or an exchange file) rather than an article.
export function isAnnotationFile(name: string): boolean {
  return /\.(?:zip|jsonl|ndjson|conll|conllu|iob|ann|json|jsonld)$/i.test(name);
}

/// The label map as typed: one `FROM=TO` per line (`FROM=` leaves FROM out), or the line at fault.
export function parseLabelMap(text: string): Record<string, string> | { problem: string } {
  // No prototype: a label named __proto__ is a key like any other.
  const map: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [i, raw] of text.split('\n').entries()) {
    const line = raw.trim();
    if (!line) continue;
    const eq = line.indexOf('=');
    if (eq < 1) return { problem: `line ${i + 1} of the label map is not FROM=TO: ${line}` };
    map[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
  }
  return map;
}
