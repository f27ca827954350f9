// A workspace writer for the lock tests, driven one command per line on stdin:
//   create <docId> <start> <end>   annotations.create; prints `ok <id>` or `error <code> <message>`
//   busy <ms>                      blocks its event loop for that long, then prints `idle`
//   notices                        prints the workspace's notices as JSON
//   close                          closes the workspace and exits
import { createInterface } from 'node:readline';
import { dispatch } from '../../main/service/dispatch';
import { createWorkbench } from '../../main/service/workbench';
import { Workspace } from '../../main/core/store/workspace';

const workspace = await Workspace.open(process.argv[2], { app: 'lock holder' });
const api = createWorkbench(workspace);
// The document is read now, as an open document view has it, so that later changes are made
// from memory unless the store reads it again.
for (const d of workspace.listDocuments()) await api.documents.open(d.id);
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, ...args] = line.split(' ');
  if (command === 'create') {
    const reply = await dispatch(api, 'annotations.create', [{ docId: args[0], label: 'actor', start: Number(args[1]), end: Number(args[2]) }]);
    process.stdout.write(reply.ok ? `ok ${(reply.value as { id: string }).id}\n` : `error ${reply.error.code} ${reply.error.message}\n`);
  } else if (command === 'busy') {
    const until = Date.now() + Number(args[0]);
    while (Date.now() < until);
    process.stdout.write('idle\n');
  } else if (command === 'notices') {
    process.stdout.write(`${JSON.stringify(workspace.notices)}\n`);
  } else if (command === 'close') {
    await workspace.close();
    process.exit(0);
  }
}
