// Test helper run as its own process: registers <count> versions of <name> into <registry dir>,
// printing each version number. Two of these at once exercise the registry lock.
import { modelDirFixture } from '../../../kernels/registry/testing/model-dir-fixture';
import { FolderRegistryStore } from '../folder-store';

const [root, name, count] = process.argv.slice(2);
const store = new FolderRegistryStore(root);
for (let i = 0; i < Number(count); i++) {
  const v = await store.registerVersion({ name, files: modelDirFixture(i), createdAt: new Date().toISOString(), source: 'cli' });
  process.stdout.write(`${v.version}\n`);
}
