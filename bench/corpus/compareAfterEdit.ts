/// Compare right after an edit, on a writable copy of the corpus through the service:
/// an edit marks the index's summaries of what it touched stale, and the next answer works them
/// out again before reading. Each run edits, then times the tab: a figure of the largest measure
/// given another interval (`compare.figures`, which works out that measure's group again), and a
/// mention of the most mentioned entity unlinked and linked again (`compare.entities`, that
/// entity's rows per outlet).
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import { median, timed } from '../stats';

/// Edits, each followed by the tab's answer.
const RUNS = 5;

/// Compare's answers after an edit, or why they could not be measured.
export type CompareAfterEditResult =
  | { failed?: undefined; figuresMs: number; figuresRuns: number[]; entitiesMs: number; entitiesRuns: number[]; figures: number; mentions: number }
  | { failed: true; reason: string };

/// Opens `dir` (a copy: it is written) and times `compare.figures` and `compare.entities`, each
/// after an edit of what it shows first.
export async function measureCompareAfterEdit(dir: string, log: (line: string) => void): Promise<CompareAfterEditResult> {
  const workspace = await Workspace.open(dir);
  try {
    await workspace.indexChecked;
    // The backup taken on opening (in the background) finished first: it is not Compare's work.
    await workspace.backups();
    const service = createWorkbench(workspace);
    const first = await service.compare.figures({}, {});
    const figure = first.items[0];
    if (!figure) return { failed: true, reason: 'the corpus has no figure' };
    const figuresRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const low = 1_000_000 + run;
      await service.annotations.update({ docId: figure.documentId, id: figure.annotationId, quantity: { ...figure.quantity, low, high: low, lowInclusive: true, highInclusive: true } });
      figuresRuns.push((await timed(() => service.compare.figures({}, {}))).ms);
    }
    const [entity] = await service.compare.entities({});
    const at = entity?.outlets[0]?.first;
    const mention = at && (await workspace.readDocument(at.documentId)).annotations.find((a) => a.entityId === entity.id && a.start === at.start);
    if (!entity || !at || !mention) return { failed: true, reason: 'the corpus has no entity mention' };
    const entitiesRuns: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await service.annotations.update({ docId: at.documentId, id: mention.id, entityId: run % 2 ? entity.id : null });
      entitiesRuns.push((await timed(() => service.compare.entities({}))).ms);
    }
    log(`  Compare after an edit: figures ${figuresRuns.map((ms) => ms.toFixed(0)).join(', ')} ms; entities ${entitiesRuns.map((ms) => ms.toFixed(0)).join(', ')} ms`);
    const group = first.groups[first.chosen];
    return { figuresMs: median(figuresRuns), figuresRuns, entitiesMs: median(entitiesRuns), entitiesRuns, figures: group.figures, mentions: entity.mentions };
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    log(`  Compare after an edit failed: ${reason}`);
    return { failed: true, reason };
  } finally {
    await workspace.close();
  }
}
