/// "Export…": a modal dialog to pick a format and a scope (documents, annotators, labels), render
/// the export with `exports.build` and save it as a download. It stays open after an export and
/// says what went into the file, so several formats can be saved in a row.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportFile, ExportFormat, ExportScope, Label } from '../../../preload/api';
import { workbench } from '../api';
import { saveDownload } from './download';
import { errorMessage, oneLine, plural } from '../format';
import { ModalDialog } from '../ModalDialog';
import { DocumentScope, type DocumentChoice } from './DocumentScope';
import { ScopeChecklist, type ScopeItem } from './ScopeChecklist';

/// Every format the dialog offers, in the order shown.
export const EXPORT_CHOICES: readonly { format: ExportFormat; name: string; file: string; description: string }[] = [
  { format: 'exchange', name: 'Exchange file', file: '.awb.json', description: 'For a colleague: texts, tags, notes and reviews, to add with their Import…' },
  { format: 'jsonl', name: 'JSONL', file: '.jsonl', description: 'For NLP tools: one document per line with its spans and speaker links.' },
  { format: 'doccano', name: 'doccano JSONL', file: '.doccano.jsonl', description: 'For doccano: one document per line with its [start, end, label] spans.' },
  { format: 'prodigy', name: 'Prodigy JSONL', file: '.prodigy.jsonl', description: 'For Prodigy: one task per line with its tokens, spans and relations.' },
  { format: 'csv', name: 'CSV', file: '.csv', description: 'For spreadsheets (Excel, LibreOffice): one row per annotation, with label name, context, note, metadata and speaker or source.' },
  { format: 'conll', name: 'CoNLL (IOB2)', file: '.conll', description: 'For NLP tools: one token per line with its B-/I- tag; each sentence valid IOB2.' },
  { format: 'brat', name: 'brat standoff', file: '.zip', description: 'For the brat tool: a zip of .txt and .ann files with annotation.conf; a folder per annotator when several are exported.' },
  { format: 'w3c', name: 'W3C Web Annotation', file: '.jsonld', description: 'JSON-LD collection with text position and quote selectors, links and reviews.' },
];

/// How many spans lost in CoNLL are listed by name.
const LOST_LISTED = 5;

/// Props of {@link ExportDialog}.
export interface ExportDialogProps {
  /// Documents open in a pane (one choice of scope).
  openDocIds: readonly string[];
  labels: readonly Label[];
  annotators: readonly string[];
  onClose(): void;
}

/// A checklist's choice as a scope list: empty (= all) when everything is chosen.
function scopeList(items: readonly ScopeItem[], chosen: ReadonlySet<string>): string[] {
  const ids = items.filter((i) => chosen.has(i.id)).map((i) => i.id);
  return ids.length === items.length ? [] : ids;
}

/// The dialog, `data-testid="export-dialog"`.
export function ExportDialog({ openDocIds, labels, annotators: known, onClose }: ExportDialogProps) {
  const runButton = useRef<HTMLButtonElement>(null);
  // Everyone with annotations anywhere (the curated layer of Review among them), as the service
  // counts them, besides the names the app knows.
  const [counted, setCounted] = useState<readonly string[]>([]);
  const knownAtOpening = useRef(known);
  const annotators = useMemo(() => [...new Set([...known, ...counted])], [known, counted]);
  const annotatorItems = useMemo<ScopeItem[]>(() => annotators.map((a) => ({ id: a, name: a })), [annotators]);
  const labelItems = useMemo<ScopeItem[]>(() => labels.map((l) => ({ id: l.id, name: l.name, color: l.color })), [labels]);
  const [format, setFormat] = useState<ExportFormat>('exchange');
  const [docChoice, setDocChoice] = useState<DocumentChoice>('all');
  const [checkedDocs, setCheckedDocs] = useState<ReadonlySet<string>>(() => new Set());
  /// Documents in the workspace, once the document list told.
  const [documentCount, setDocumentCount] = useState<number | null>(null);
  const chooseDocuments = useCallback((choice: DocumentChoice, checked: ReadonlySet<string>) => {
    setDocChoice(choice);
    setCheckedDocs(checked);
  }, []);
  const scopeDocuments = docChoice === 'all' ? [] : docChoice === 'open' ? [...openDocIds] : [...checkedDocs];
  const [people, setPeople] = useState<ReadonlySet<string>>(() => new Set(annotators));
  const [kinds, setKinds] = useState<ReadonlySet<string>>(() => new Set(labels.map((l) => l.id)));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<ExportFile | null>(null);

  useEffect(() => {
    let live = true;
    workbench.review.annotators().then(
      (list) => {
        if (!live) return;
        const more = list.filter((x) => x.annotations > 0 && !knownAtOpening.current.includes(x.name)).map((x) => x.name);
        setCounted(more);
        setPeople((chosen) => new Set([...chosen, ...more]));
      },
      () => undefined, // the names the app knows are still offered
    );
    return () => {
      live = false;
    };
  }, []);

  const formats = useRef<HTMLFieldSetElement>(null);
  // After the frame has shown the dialog (a child's effect runs first).
  useEffect(() => formats.current?.querySelector<HTMLInputElement>('input:checked')?.focus(), []);

  const missing = [
    docChoice !== 'all' && scopeDocuments.length === 0 && 'a document',
    annotatorItems.length > 0 && people.size === 0 && 'an annotator',
    labelItems.length > 0 && kinds.size === 0 && 'a label',
  ].filter(Boolean);
  const nothing = documentCount === 0;

  async function run() {
    const scope: ExportScope = { documents: scopeDocuments, annotators: scopeList(annotatorItems, people), labels: scopeList(labelItems, kinds) };
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const file = await workbench.exports.build(format, scope);
      saveDownload(file);
      setDone(file);
    } catch (error) {
      setProblem(errorMessage(error));
    } finally {
      setBusy(false);
      // The button was disabled meanwhile, which took the focus out of the dialog.
      requestAnimationFrame(() => runButton.current?.focus());
    }
  }

  return (
    <ModalDialog title="Export annotations" className="export-dialog" testId="export-dialog" onClose={onClose} onSubmit={() => void run()}>
      <p className="dialog-hint">Offsets in every file count Unicode code points, as Python and the W3C model do.</p>
      <div className="export-columns">
        <fieldset ref={formats} className="format-group" data-testid="export-formats">
          <legend className="caption scope-legend">Format</legend>
          {EXPORT_CHOICES.map((choice) => (
            <label key={choice.format} className={choice.format === format ? 'format-option is-chosen' : 'format-option'} data-testid="export-format" data-format={choice.format}>
              <input type="radio" name="export-format" value={choice.format} checked={choice.format === format} onChange={() => setFormat(choice.format)} />
              <span className="format-text">
                <span className="format-name">
                  {choice.name}
                  <span className="format-file">{choice.file}</span>
                </span>
                <span className="format-description">{choice.description}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="scope-column">
          <DocumentScope choice={docChoice} checked={checkedDocs} openDocIds={openDocIds} onChange={chooseDocuments} onCount={setDocumentCount} />
          <ScopeChecklist legend="Annotators" allText="Everyone" items={annotatorItems} chosen={people} onChange={setPeople} testId="export-annotators" emptyText="Nobody has annotated yet." />
          <ScopeChecklist legend="Labels" allText="All labels" items={labelItems} chosen={kinds} onChange={setKinds} testId="export-labels" />
        </div>
      </div>
      {problem && (
        <p className="dialog-problem" role="alert">
          Export failed: {problem}
        </p>
      )}
      {done && <ExportResult file={done} labels={labels} />}
      <div className="dialog-actions">
        <span className="dialog-status">{missing.length > 0 ? `Choose at least ${missing.join(', ')}.` : ''}</span>
        <button type="button" className="button" onClick={onClose}>
          {done ? 'Done' : 'Cancel'}
        </button>
        <button ref={runButton} type="submit" className="button button-primary" data-testid="export-run" disabled={busy || nothing || missing.length > 0} aria-busy={busy}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </ModalDialog>
  );
}

/// What the last export saved (`data-testid="export-summary"`).
function ExportResult({ file, labels }: { file: ExportFile; labels: readonly Label[] }) {
  const { summary } = file;
  const name = EXPORT_CHOICES.find((c) => c.format === summary.format)?.name ?? summary.format;
  const labelName = (id: string) => labels.find((l) => l.id === id)?.name ?? id;
  const lost = summary.conll?.lostSpans ?? 0;
  return (
    <div className={lost > 0 ? 'export-result is-warn' : 'export-result'} data-testid="export-summary" role="status">
      <p className="export-result-head">
        <strong>{name}</strong> saved as <span className="message-name">{file.fileName}</span>
      </p>
      <p data-testid="export-counts">
        {plural(summary.annotations, 'annotation')} from {plural(summary.documents, 'document')}.
      </p>
      {summary.conll && lost === 0 && <p>Every span carries its tag.</p>}
      {lost > 0 && (
        <div data-testid="export-conll-lost">
          <p>
            {plural(lost, 'span')} {lost === 1 ? 'overlaps an earlier or longer span and carries' : 'overlap an earlier or longer span and carry'} no CoNLL tag
            {lost > LOST_LISTED ? `; the first ${LOST_LISTED}:` : ':'}
          </p>
          <ul className="export-lost">
            {summary.conll!.lost.slice(0, LOST_LISTED).map((l) => (
              <li key={l.annotationId}>
                <span className="export-lost-label">{labelName(l.label)}</span> “{oneLine(l.text, 70)}”
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
