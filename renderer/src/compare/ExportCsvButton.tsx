/// "Export CSV" of one of Compare's tables: the service writes the table as the CSV export writes
/// (formula cells neutralised), the file is offered as a download; a failure says why beside it.
import { useState } from 'react';
import type { CompareFilter, CompareTable } from '../../../preload/api';
import { workbench } from '../api';
import { saveDownload } from '../export/download';

/// `data-testid={testId}`.
export function ExportCsvButton({ table, filter, testId }: { table: CompareTable; filter: CompareFilter; testId: string }) {
  const [state, setState] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const run = async () => {
    setState({ busy: true, error: null });
    try {
      saveDownload(await workbench.compare.csv(table, filter));
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
  return (
    <span className="compare-export">
      {state.error && (
        <span className="compare-export-error" role="alert">
          Could not export: {state.error}
        </span>
      )}
      <button type="button" className="button button-small" data-testid={testId} disabled={state.busy} onClick={() => void run()}>
        {state.busy ? 'Exporting…' : 'Export CSV'}
      </button>
    </span>
  );
}
