/// The header: the app's name, the workspace's folder, Compare and Review, the annotator's name,
/// Import and the dialogs the workbench opens from here (Entities, Export, Restore from backup).
import type { WorkspaceInfo } from '../../../preload/api';
import { AnnotatorName } from '../AnnotatorName';
import { ImportButton, type ImportButtonProps } from '../import/ImportButton';

/// What the reading area shows: articles, Review or Compare.
export type WorkbenchMode = 'annotate' | 'review' | 'compare';

/// The dialogs opened from the header.
export type HeaderDialog = 'export' | 'backups' | 'entities' | 'import-url';

/// Props of {@link WorkbenchHeader}.
export interface WorkbenchHeaderProps {
  info: WorkspaceInfo | null;
  me: string;
  mode: WorkbenchMode;
  /// Compare and Review toggle: the mode given, or back to articles when it is the current one.
  onToggleMode(mode: 'review' | 'compare'): void;
  onDialog(dialog: HeaderDialog): void;
  onAnnotatorChanged(info: WorkspaceInfo): void;
  onAnnotatorFailed(text: string): void;
  importFiles: ImportButtonProps['importFiles'];
  importProgress: ImportButtonProps['progress'];
}

/// The header bar.
export function WorkbenchHeader({ info, me, mode, onToggleMode, onDialog, onAnnotatorChanged, onAnnotatorFailed, importFiles, importProgress }: WorkbenchHeaderProps) {
  return (
    <header className="app-header">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <h1 className="brand-name">Annotation Workbench</h1>
      </div>
      <div className="workspace-path" data-testid="workspace-path" title={info?.path}>
        {info?.path ?? ''}
      </div>
      <div className="header-actions">
        <ModeToggle mode="compare" current={mode} onToggle={onToggleMode} label="Compare" doneLabel="Done comparing" title="Compare outlets: figures and their conflicts, quotes by speaker, entities, charts" />
        <ModeToggle mode="review" current={mode} onToggle={onToggleMode} label="Review" doneLabel="Done reviewing" title="Review a colleague's tags and see how well you agree" />
        {info && <AnnotatorName name={me} onChanged={onAnnotatorChanged} onFailed={onAnnotatorFailed} />}
        <ImportButton importFiles={importFiles} progress={importProgress} onImportUrl={() => onDialog('import-url')} />
        <button type="button" className="button" data-testid="entities-button" title="Everything the texts name: rename, merge, delete, see where each is mentioned" onClick={() => onDialog('entities')}>
          Entities…
        </button>
        <button type="button" className="button" data-testid="export-button" title="Save annotations as a file for a colleague, NLP tools or spreadsheets" onClick={() => onDialog('export')}>
          Export…
        </button>
        <button type="button" className="button button-quiet" data-testid="backups-button" title="Put the workspace back as it was at an earlier backup" onClick={() => onDialog('backups')}>
          Restore from backup…
        </button>
      </div>
    </header>
  );
}

/// Compare or Review: pressed while it is the mode, and then it leads back to the articles.
function ModeToggle({ mode, current, onToggle, label, doneLabel, title }: { mode: 'review' | 'compare'; current: WorkbenchMode; onToggle(mode: 'review' | 'compare'): void; label: string; doneLabel: string; title: string }) {
  const on = current === mode;
  return (
    <button type="button" className="button review-toggle" data-testid={`${mode}-toggle`} aria-pressed={on} title={on ? 'Back to reading and tagging' : title} onClick={() => onToggle(mode)}>
      {on ? doneLabel : label}
    </button>
  );
}
