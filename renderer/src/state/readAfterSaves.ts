/// A list the renderer reads from the service once the session's queued saves are done (so that
/// it counts them), one read at a time: a read asked for while one is on its way is made again
/// after it, since that one may have been answered before the latest save.
import type { WorkbenchStore } from './workbenchStore';

/// The reads of one list; `read` asks the service and keeps the answer.
export class ReadAfterSaves {
  private loading: Promise<void> | null = null;
  private again = false;

  constructor(
    private readonly saves: Pick<WorkbenchStore, 'whenAllSaved'>,
    private readonly read: () => Promise<void>,
  ) {}

  /// Reads once the saves are done; resolves (or fails) with that read.
  refresh(): Promise<void> {
    if (this.loading) {
      this.again = true;
      return this.loading;
    }
    this.loading = this.saves
      .whenAllSaved()
      .catch(() => undefined)
      .then(this.read)
      .finally(() => {
        this.loading = null;
        if (this.again) {
          this.again = false;
          void this.refresh();
        }
      });
    return this.loading;
  }
}
