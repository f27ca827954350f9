// The writer half of the crash test: applies a seeded stream of random changes to a workspace
// through the real service, printing `begin <op>` before each change and `ack <op>` once the
// service has acknowledged it (that is, once it is on disk). A `begin` line carries what the change
// is meant to do, so a change whose document was written before the kill can be checked. The parent
// kills it at random, or it kills itself at the kill point the parent names (indexKillPoint.ts).
import { Workspace } from '../../main/core/store/workspace';
import { createWorkbench } from '../../main/service/workbench';
import type { Annotation } from '../../main/core/model';
import { seededRandom } from '../seededRandom';
import { armKillPoint, KILL_POINT_VARIABLE, parseKillPoint } from './indexKillPoint';

// A guest (the writer let in while another is paused) only adds labels and annotations: it never
// changes the paused writer's annotations, so both streams of acknowledgements can be checked.
const [dir, seedText, mode] = process.argv.slice(2);
const guest = mode === 'guest';
const random = seededRandom(Number(seedText));
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)];
const LABELS = ['actor', 'location', 'figure', 'quote'];
const say = (kind: 'begin' | 'ack', op: unknown) => process.stdout.write(`${kind} ${JSON.stringify(op)}\n`);

async function main(): Promise<void> {
const workspace = await Workspace.open(dir, { app: guest ? 'crash writer (guest)' : 'crash writer' });
const api = createWorkbench(workspace);
const docs = new Map<string, { text: string; annotations: Annotation[] }>();
for (const d of workspace.listDocuments()) {
  const { document, annotations } = await api.documents.open(d.id);
  docs.set(d.id, { text: document.text, annotations });
}
process.stdout.write('ready\n');
const killPoint = parseKillPoint(process.env[KILL_POINT_VARIABLE]);
// (A write to a pipe is synchronous on Linux: the line is out before the process dies.)
if (killPoint) armKillPoint(killPoint, (reached) => process.stdout.write(`killpoint ${JSON.stringify(reached)}\n`));

for (let n = 0; ; n++) {
  const docId = pick([...docs.keys()]);
  const doc = docs.get(docId)!;
  const existing = doc.annotations;
  // (Labels only while there is room for them: a workspace holds at most 50.)
  const roll = guest ? (random() < 0.1 && workspace.labels.length < 40 ? -1 : 0.3) : random();
  if (roll < 0) {
    const label = { id: `guest-${seedText}-${n}`, name: `Guest ${seedText} ${n}`, color: '#777777', key: '' };
    say('begin', { op: 'label', id: label.id });
    await api.labels.save([...workspace.labels, label]);
    say('ack', { op: 'label', id: label.id });
  } else if (roll < 0.05 || !docs.size) {
    const text = `Article ${seedText}-${n}: ${Array.from({ length: 40 }, () => pick(['Aleppo', 'civilians', 'left', 'rebels', 'said', '13,346'])).join(' ')}.`;
    say('begin', { op: 'import', text });
    const report = await api.documents.import([{ name: `crash-${n}.txt`, bytes: Buffer.from(text) }]);
    const id = (report.imported[0] ?? report.duplicates[0]).document.id;
    docs.set(id, { text, annotations: [] });
    say('ack', { op: 'import', id });
  } else if (roll < 0.45 || !existing.length) {
    const start = Math.floor(random() * (doc.text.length - 20));
    const input = { id: crypto.randomUUID(), docId, label: pick(LABELS), start, end: start + 1 + Math.floor(random() * 19) };
    say('begin', { op: 'create', id: input.id, docId, annotation: { id: input.id, docId, label: input.label } });
    const created = await api.annotations.create(input).catch(() => null);
    if (created) doc.annotations = [...existing, created];
    say('ack', { op: 'create', id: input.id, docId, annotation: created });
  } else if (roll < 0.6) {
    const target = pick(existing);
    const label = pick(LABELS);
    say('begin', { op: 'relabel', id: target.id, docId, label });
    const updated = await api.annotations.update({ docId, id: target.id, label });
    doc.annotations = existing.map((a) => (a.id === target.id ? updated : a));
    say('ack', { op: 'relabel', id: target.id, docId, label });
  } else if (roll < 0.75) {
    const target = pick(existing);
    const note = { type: 'doc' as const, content: [{ type: 'paragraph' as const, content: [{ type: 'text' as const, text: `note ${n}` }] }] };
    say('begin', { op: 'note', id: target.id, docId, note });
    const updated = await api.annotations.update({ docId, id: target.id, note });
    doc.annotations = existing.map((a) => (a.id === target.id ? updated : a));
    say('ack', { op: 'note', id: target.id, docId, note });
  } else if (roll < 0.88) {
    const target = pick(existing);
    say('begin', { op: 'delete', id: target.id, docId });
    await api.annotations.delete(docId, target.id);
    doc.annotations = existing.filter((a) => a.id !== target.id);
    say('ack', { op: 'delete', id: target.id, docId });
  } else {
    const quotes = existing.filter((a) => a.label === 'quote');
    const actors = existing.filter((a) => a.label === 'actor');
    if (!quotes.length || !actors.length) continue;
    const quote = pick(quotes);
    const actor = pick(actors);
    say('begin', { op: 'link', id: quote.id, docId, actor: actor.id });
    await api.relations.set(docId, 'speaker', quote.id, actor.id);
    say('ack', { op: 'link', id: quote.id, docId, actor: actor.id });
  }
}
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
