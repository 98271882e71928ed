// A helper thread for one tree learner at a time (kernels/learn/treelearner/tree-helper.ts): idle
// on its event loop until a learner attaches its shared memory, then runs that learner's
// partition and histogram commands until it detaches.
import { parentPort } from 'node:worker_threads';
import { serveTreeHelper, type TreeHelperAttach } from '../kernels/learn/treelearner/tree-helper';

parentPort?.on('message', (message: TreeHelperAttach) => {
  if (message?.kind === 'tourney-tree-helper') serveTreeHelper(message);
});
