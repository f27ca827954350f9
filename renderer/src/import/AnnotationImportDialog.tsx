/// Importing other tools' annotation files (DESIGN §13): brat (a zip of `.txt`/`.ann` pairs),
/// doccano or Prodigy JSONL, Label Studio JSON, W3C Web Annotation, CoNLL, or an exchange file.
/// The service tells the format from the content unless one is chosen; labels map by id or name,
/// or as the label map says; the annotator named here is used where a file names none. Each file
/// goes in whole or not at all: one that went in is reported in the app's messages, one that was
/// refused stays listed here with its reasons, so that the format or the map can be changed and
/// Import pressed again.
import { useEffect, useRef, useState } from 'react';
import type { ForeignImportOptions, ForeignImportReport } from '../../../preload/api';
import { workbench } from '../api';
import { useDialogAction } from '../dialogs/useDialogAction';
import { errorMessage } from '../format';
import { ModalDialog } from '../ModalDialog';
import { readAsBase64 } from './articleUploads';
import { ANNOTATION_FORMATS, parseLabelMap } from './importedFileKinds';

/// Props of {@link AnnotationImportDialog}.
export interface AnnotationImportDialogProps {
  files: File[];
  onClose(): void;
  /// One file went in.
  onImported(report: ForeignImportReport): void;
}

/// `data-testid="annotation-import-dialog"`: the files, Format (`annotation-import-format`),
/// Annotator (`annotation-import-annotator`), Label map (`annotation-import-labels`), Import
/// (`annotation-import-confirm`); files refused listed under `annotation-import-refused`.
export function AnnotationImportDialog({ files, onClose, onImported }: AnnotationImportDialogProps) {
  const [left, setLeft] = useState(files);
  const leftNow = useRef(left);
  leftNow.current = left;
  const [refused, setRefused] = useState<Map<File, string>>(new Map());
  // Files already imported (the app's list keeps them), and whether the dialog is still open.
  const imported = useRef(new Set<File>());
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);
  // Files given while the dialog is open join the list.
  useEffect(() => setLeft((shown) => [...shown, ...files.filter((f) => !shown.includes(f) && !imported.current.has(f))]), [files]);
  const [format, setFormat] = useState('');
  const [annotator, setAnnotator] = useState('');
  const [labels, setLabels] = useState('');
  const { busy, problem, button, run } = useDialogAction();

  const importAll = () =>
    run(async () => {
      const labelMap = parseLabelMap(labels);
      if ('problem' in labelMap) throw new Error(labelMap.problem as string);
      const options: ForeignImportOptions = {
        ...(format ? { format: format as ForeignImportOptions['format'] } : {}),
        ...(annotator.trim() ? { annotator: annotator.trim() } : {}),
        ...(Object.keys(labelMap).length ? { labelMap } : {}),
      };
      const stillLeft: File[] = [];
      const reasons = new Map<File, string>();
      for (const file of left) {
        // Cancel stops before the next file (the one on its way goes in and is reported).
        if (!open.current) return;
        try {
          onImported(await workbench.annotations.importFile({ name: file.name, base64: await readAsBase64(file) }, options));
          imported.current.add(file);
        } catch (error) {
          stillLeft.push(file);
          // The reason, without the file's name it starts with (the list names the file).
          const reason = errorMessage(error);
          reasons.set(file, reason.startsWith(`${file.name}: `) ? reason.slice(file.name.length + 2) : reason);
        }
      }
      if (!open.current) return;
      const joined = leftNow.current.filter((f) => !left.includes(f));
      setLeft([...stillLeft, ...joined]);
      setRefused(reasons);
      if (stillLeft.length + joined.length === 0) return onClose();
      if (stillLeft.length === 0) throw new Error(`${joined.length === 1 ? 'A file' : `${joined.length} files`} came while importing: Import takes ${joined.length === 1 ? 'it' : 'them'} too.`);
      throw new Error(`${stillLeft.length === 1 ? 'This file was' : `These ${stillLeft.length} files were`} not imported: choose the format, or change the label map, and import again.`);
    });

  return (
    <ModalDialog title="Import annotations" className="annotation-import-dialog" testId="annotation-import-dialog" onClose={onClose} onSubmit={() => void importAll()}>
      <p className="dialog-hint">
        Spans go on the article with the same text (or the same id); an article the file carries that is not in the library is added. Each file goes in whole or not at all, and the same file twice adds nothing.
      </p>
      <ul className="annotation-import-files">
        {left.map((f, i) => (
          <li key={`${i}:${f.name}`}>
            <span className="message-name">{f.name}</span>
            {refused.has(f) && (
              <span className="dialog-problem" data-testid="annotation-import-refused">
                {refused.get(f)}
              </span>
            )}
          </li>
        ))}
      </ul>
      <div className="details-fields">
        <label className="details-field">
          <span className="caption">Format</span>
          <select className="text-input" data-testid="annotation-import-format" value={format} onChange={(e) => setFormat(e.target.value)}>
            <option value="">Tell from the content</option>
            {ANNOTATION_FORMATS.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <label className="details-field">
          <span className="caption">Annotator</span>
          <input className="text-input" data-testid="annotation-import-annotator" value={annotator} placeholder="where a file names none" maxLength={60} onChange={(e) => setAnnotator(e.target.value)} />
        </label>
        <label className="details-field annotation-import-labels">
          <span className="caption">Label map</span>
          <textarea
            className="text-input"
            data-testid="annotation-import-labels"
            rows={4}
            value={labels}
            placeholder={'one per line: PER=actor, GPE=location; PER= leaves PER out.\nOther labels match by id or name.'}
            onChange={(e) => setLabels(e.target.value)}
          />
        </label>
      </div>
      {problem && (
        <p className="dialog-problem" role="alert">
          {problem}
        </p>
      )}
      <div className="dialog-actions">
        <span className="dialog-status">{busy ? 'Importing…' : ''}</span>
        <button type="button" className="button" onClick={onClose}>
          Cancel
        </button>
        <button ref={button} type="submit" className="button button-primary" data-testid="annotation-import-confirm" disabled={busy} aria-busy={busy}>
          {busy ? 'Importing…' : left.length > 1 ? `Import ${left.length} files` : 'Import'}
        </button>
      </div>
    </ModalDialog>
  );
}
