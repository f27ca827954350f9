/// How every command opens a workspace: as the store does, with the progress of building the
/// document index (when it is missing or cannot be trusted) shown on stderr.
import { Workspace, type OpenWorkspaceOptions } from '../core/store/workspace.js';
import { progressBar } from './progressBar.js';

/// Opens `dir`, showing the index's build as it goes.
export async function openWorkspace(dir: string, options: Omit<OpenWorkspaceOptions, 'onIndexProgress'> = {}): Promise<Workspace> {
  const progress = progressBar('building the document index', { announce: true });
  try {
    return await Workspace.open(dir, { ...options, onIndexProgress: progress.update });
  } finally {
    progress.stop();
  }
}
