/// Label Studio's JSON export: a list of tasks, each with `data.text` and `annotations[].result[]`
/// (and `predictions[].result[]`), a span being a result whose `value` has `start`, `end`, `labels`
/// and usually `text`; a `relation` result links two regions by `from_id`/`to_id`. Which unit the
/// offsets count in has changed between Label Studio's versions (UTF-16 code units as the browser
/// counts, code points since its fix for emoji, label-studio-frontend #308), so each span's unit
/// is the one under which its offsets cover the `text` it states: code points first.
import { ForeignRejected, type ForeignDocument, type ForeignFile, type ForeignInput } from './foreignFile.js';
import { arrayOf, isObject, readSingleJson } from './readJsonLines.js';

/// Whether a parsed JSON value looks like a Label Studio export.
export function looksLikeLabelStudio(json: unknown): boolean {
  return Array.isArray(json) && json.length > 0 && isObject(json[0]) && isObject(json[0].data) && (Array.isArray(json[0].annotations) || Array.isArray(json[0].predictions));
}

/// Who made an annotation: Label Studio writes a user id, or a user object.
function annotatorOf(entry: Record<string, unknown>, kind: 'annotations' | 'predictions'): string | undefined {
  if (kind === 'predictions') return typeof entry.model_version === 'string' && entry.model_version ? entry.model_version : 'prediction';
  const by = entry.completed_by;
  if (isObject(by)) return [by.email, by.username, by.id].find((v) => typeof v === 'string' || typeof v === 'number')?.toString();
  if (typeof entry.created_username === 'string' && entry.created_username.trim()) return entry.created_username.trim();
  return typeof by === 'number' || typeof by === 'string' ? `label-studio user ${by}` : undefined;
}

/// Reads a Label Studio JSON export.
export function readLabelStudio(input: ForeignInput): ForeignFile {
  const json = readSingleJson(input, 'Label Studio');
  const tasks = Array.isArray(json) ? json : [json];
  const documents = tasks.map((task, t): ForeignDocument => {
    const where = `tasks[${t}]`;
    if (!isObject(task) || !isObject(task.data)) throw new ForeignRejected(input.name, `${where}: expected a task with "data"`);
    const strings = Object.values(task.data).filter((v): v is string => typeof v === 'string');
    const text = typeof task.data.text === 'string' ? task.data.text : strings.length === 1 ? strings[0] : undefined;
    if (text === undefined) throw new ForeignRejected(input.name, `${where}: no text in "data" (expected data.text)`);
    const doc: ForeignDocument = { name: `task ${String(task.id ?? t + 1)}`, text, unit: 'codepoints', unitFromSpanText: true, spans: [], relations: [] };
    for (const kind of ['annotations', 'predictions'] as const) {
      arrayOf(input, where, task[kind], kind).forEach((entry, a) => {
        const at = `${where}.${kind}[${a}]`;
        if (!isObject(entry)) throw new ForeignRejected(input.name, `${at}: expected an object`);
        if (entry.was_cancelled === true) return;
        const annotator = annotatorOf(entry, kind);
        // Region ids are unique within one annotation only: prefixed so two annotators' regions differ.
        const regionId = (id: unknown) => `${kind}${a}:${String(id)}`;
        arrayOf(input, at, entry.result, 'result').forEach((result, r) => {
          const here = `${at}.result[${r}]`;
          if (!isObject(result)) throw new ForeignRejected(input.name, `${here}: expected an object`);
          if (result.type === 'relation') {
            const labels = arrayOf(input, here, result.labels, 'labels');
            doc.relations.push({ type: typeof labels[0] === 'string' ? labels[0] : '', from: regionId(result.from_id), to: regionId(result.to_id), ...(annotator ? { annotator } : {}), where: here });
            return;
          }
          const value = result.value;
          if (!isObject(value) || !('start' in value)) return;
          const labels = arrayOf(input, here, value.labels ?? value.hypertextlabels, 'value.labels');
          if (typeof value.start !== 'number' || typeof value.end !== 'number') throw new ForeignRejected(input.name, `${here}: value.start and value.end must be numbers`);
          for (const label of labels) {
            if (typeof label !== 'string') throw new ForeignRejected(input.name, `${here}: each of value.labels must be a string`);
            doc.spans.push({
              id: regionId(result.id), label, start: value.start, end: value.end, where: here,
              ...(typeof value.text === 'string' ? { text: value.text } : {}),
              ...(annotator ? { annotator } : {}),
            });
          }
        });
      });
    }
    return doc;
  });
  if (!documents.length) throw new ForeignRejected(input.name, 'the export holds no tasks');
  return { format: 'label-studio', documents, warnings: [] };
}
