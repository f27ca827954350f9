/// `awb suggest` (DESIGN §12): the suggestions for each document (figures, quotes with a speaker
/// candidate, mentions of the workspace's entities, person and place names; those dismissed in
/// the app left out), printed in code
/// points as `[{ documentId, label, start, end, text, kind, speaker? }]` with `--json`, as lines
/// to read otherwise; `--apply` accepts them all: each becomes an annotation with `origin:
/// 'suggestion'` by the workspace's annotator, and a quote whose speaker candidate was found gets
/// the speaker as an actor annotation (the one already there, else a new one) linked by a
/// `speaker` relation.
import { createAnnotation, setRelation } from '../core/annotations.js';
import type { Annotation, DocumentFile, Label } from '../core/model.js';
import { OffsetConverter } from '../core/offsets.js';
import type { Workspace } from '../core/store/workspace.js';
import { DismissedSuggestions, suggestionKey } from '../core/suggestions/dismissedSuggestions.js';
import { documentSuggestions } from '../core/suggestions/documentSuggestions.js';
import { StoredNames } from '../core/suggestions/storedNames.js';
import { SUGGESTION_KINDS, type Suggestion } from '../core/suggestions/suggestion.js';
import { resolveWorkspaceDir } from '../core/workspaceLocation.js';
import { resolveDocumentId } from './documentCommands.js';
import { openWorkspace } from './openWorkspace.js';
import { say, sayLines } from './output.js';
import { terminalJson } from './terminalText.js';
import { withWritableWorkspace } from './writableWorkspace.js';

/// Options of `awb suggest`.
export interface SuggestCommandOptions {
  workspace?: string;
  document: string[];
  label: string[];
  json?: boolean;
  apply?: boolean;
}

/// A suggestion as `awb suggest --json` prints it: offsets in code points.
export interface PrintedSuggestion {
  documentId: string;
  label: string;
  start: number;
  end: number;
  text: string;
  kind: Suggestion['kind'];
  speaker?: { start: number; end: number; text: string };
  entityId?: string;
}

/// The label that speakers are tagged with.
const SPEAKER_LABEL = 'actor';

/// The documents and labels the options name, checked against the workspace.
function scopeOf(workspace: Workspace, options: SuggestCommandOptions): { documents: string[]; labels: Set<string> | null } {
  const known = workspace.labels.map((l) => l.id);
  for (const label of options.label) {
    if (!known.includes(label)) throw new Error(`--label ${label}: there is no such label in this workspace (labels: ${known.join(', ')})`);
  }
  const documents = options.document.length ? [...new Set(options.document.map((given) => resolveDocumentId(workspace, given)))] : workspace.documentIds().sort();
  return { documents, labels: options.label.length ? new Set(options.label) : null };
}

/// Where the suggestions of one workspace come from: its dismissals and its kept names.
interface SuggestionSources {
  dismissed: DismissedSuggestions;
  names: StoredNames;
}

/// The suggestions for one document as the app lists them, those of labels the workspace lacks
/// or the options leave out aside, and those dismissed in the app.
async function suggestionsFor(file: DocumentFile, workspace: Workspace, labels: Set<string> | null, sources: SuggestionSources): Promise<Suggestion[]> {
  const known = new Set(workspace.labels.map((l) => l.id));
  const gone = await sources.dismissed.of(file.document.id);
  return (await documentSuggestions(file.document, file.annotations, workspace.entities, SUGGESTION_KINDS, sources.names)).filter(
    (s) => known.has(s.label) && (!labels || labels.has(s.label)) && !gone.has(suggestionKey(s)),
  );
}

/// `suggestion` in code points, as printed.
function printed(documentId: string, s: Suggestion, offsets: OffsetConverter): PrintedSuggestion {
  return {
    documentId,
    label: s.label,
    start: offsets.toCodePoint(s.start),
    end: offsets.toCodePoint(s.end),
    text: s.text,
    kind: s.kind,
    ...(s.speaker ? { speaker: { start: offsets.toCodePoint(s.speaker.start), end: offsets.toCodePoint(s.speaker.end), text: s.speaker.text } } : {}),
    ...(s.entityId ? { entityId: s.entityId } : {}),
  };
}

/// `file` with the annotation `id` marked as made from a suggestion.
function markSuggested(file: DocumentFile, id: string): DocumentFile {
  return { ...file, annotations: file.annotations.map((a): Annotation => (a.id === id ? { ...a, origin: 'suggestion' } : a)) };
}

/// Accepts `suggestions` in `file`: an annotation each (one the annotator already has on the same
/// span and label is kept instead), and each quote's speaker as an actor linked to it.
function accept(file: DocumentFile, suggestions: Suggestion[], labels: Label[], author: { annotator: string; now: string }): { file: DocumentFile; result: number } {
  let made = 0;
  const mine = (f: DocumentFile, label: string, start: number, end: number) =>
    f.annotations.find((a) => a.label === label && a.start === start && a.end === end && a.annotator === author.annotator);
  const add = (f: DocumentFile, label: string, start: number, end: number, entityId?: string): { file: DocumentFile; id: string } => {
    const existing = mine(f, label, start, end);
    if (existing) return { file: f, id: existing.id };
    const change = createAnnotation(f, { docId: f.document.id, label, start, end, ...(entityId ? { entityId } : {}) }, labels, author);
    made++;
    return { file: markSuggested(change.file, change.result.id), id: change.result.id };
  };
  const hasSpeakerLabel = labels.some((l) => l.id === SPEAKER_LABEL);
  for (const s of suggestions) {
    const accepted = add(file, s.label, s.start, s.end, s.entityId);
    file = accepted.file;
    if (s.kind === 'quote' && s.speaker && hasSpeakerLabel) {
      const speaker = add(file, SPEAKER_LABEL, s.speaker.start, s.speaker.end);
      file = setRelation(speaker.file, 'speaker', accepted.id, speaker.id, author).file;
    }
  }
  return { file, result: made };
}

/// `awb suggest`: prints (or with `--apply` accepts) the suggestions for the documents.
export async function suggestCommand(options: SuggestCommandOptions): Promise<void> {
  const dir = resolveWorkspaceDir(options.workspace);
  if (options.apply) {
    const report = await withWritableWorkspace(dir, 'suggest', async (workspace) => {
      const { documents, labels } = scopeOf(workspace, options);
      const author = { annotator: workspace.currentAnnotator, now: new Date().toISOString() };
      const lines: string[] = [];
      const sources = { dismissed: new DismissedSuggestions(workspace), names: new StoredNames({ dir: workspace.dir, writeFile: (path, content) => workspace.writeSideFile(path, content) }) };
      for (const id of documents) {
        const chosen = await suggestionsFor(await workspace.readDocument(id), workspace, labels, sources);
        // Worked out on the file as read; the change takes the file as it is then (the same:
        // this process holds the workspace), and leaves out what is already there.
        const count = await workspace.updateDocument(id, (file) => accept(file, chosen, workspace.labels, author));
        lines.push(`${id.slice(0, 19)}…  ${count} annotation(s) made from suggestions`);
      }
      return lines;
    });
    return sayLines(report.join('\n'));
  }
  const workspace = await openWorkspace(dir, { readOnly: true });
  try {
    const { documents, labels } = scopeOf(workspace, options);
    const rows: PrintedSuggestion[] = [];
    const sources = { dismissed: new DismissedSuggestions(workspace, false), names: new StoredNames({ dir: workspace.dir, writeFile: null }) };
    for (const id of documents) {
      const file = await workspace.readDocument(id);
      const offsets = new OffsetConverter(file.document.text);
      for (const s of await suggestionsFor(file, workspace, labels, sources)) rows.push(printed(id, s, offsets));
    }
    if (options.json) return sayLines(terminalJson(rows));
    if (!rows.length) say('(no suggestions)');
    for (const r of rows) {
      const speaker = r.speaker ? `  — ${r.speaker.text}` : '';
      say(`${r.documentId.slice(0, 19)}…  ${r.label.padEnd(9)} ${String(r.start).padStart(6)}–${String(r.end).padEnd(6)} ${r.kind.padEnd(6)} ${r.text.replace(/\s+/g, ' ').slice(0, 80)}${speaker}`);
    }
  } finally {
    await workspace.close();
  }
}
