import { resolve } from 'node:path';

/** Where rendered read-aloud audio lives: `<DATA_DIR>/bulletin-audio`, shared by the subgraph and the worker. */
export function audioDirOf(dataDir: string): string {
  return resolve(dataDir, 'bulletin-audio');
}
