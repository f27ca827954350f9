/// Files dropped anywhere on the window are imported: while files are dragged over it the
/// window says what a drop does. Only drags that carry files are taken (text dragged inside an
/// article is left to the editor), and a drop never opens the file in the window.
import { useEffect, useState } from 'react';

/// Whether a drag carries files.
function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

/// Props of {@link FileDropTarget}.
export interface FileDropTargetProps {
  importFiles(files: File[]): void;
}

/// The window's drop target and its overlay (`data-testid="drop-overlay"`).
export function FileDropTarget({ importFiles }: FileDropTargetProps) {
  const [dragging, setDragging] = useState(false);
  useEffect(() => {
    // dragenter and dragleave fire for every element crossed: counted, the overlay goes when the
    // drag has left the window.
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      e.dataTransfer!.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      importFiles(Array.from(e.dataTransfer!.files));
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [importFiles]);
  if (!dragging) return null;
  return (
    <div className="drop-overlay" data-testid="drop-overlay" aria-hidden="true">
      <p>Drop to import: articles, a colleague's exchange file, or annotations from another tool</p>
    </div>
  );
}
