/// The one implementation of the contract (`preload/api.ts`): a plain object of async functions
/// over the core. Both transports serve this object; neither adds behaviour of its own.
import type { WorkbenchApi } from '../../preload/api.js';
import { importArticleUploads } from '../core/importArticles.js';
import type { Workspace } from '../core/store/workspace.js';

/// Builds the service over an open, writable workspace.
export function createWorkbench(workspace: Workspace): WorkbenchApi {
  return {
    workspace: {
      async info() {
        return {
          path: workspace.dir,
          labels: workspace.labels,
          annotators: workspace.annotators,
          currentAnnotator: workspace.currentAnnotator,
          notices: [...workspace.notices],
        };
      },
    },
    documents: {
      async list() {
        return workspace.listDocuments();
      },
      async open(id) {
        const { document, annotations, relations } = await workspace.readDocument(id);
        return { document, annotations, relations };
      },
      async import(files) {
        return importArticleUploads(
          workspace,
          files.map((f) => ({ name: f.name, bytes: Buffer.from(f.base64, 'base64') })),
        );
      },
    },
  };
}
