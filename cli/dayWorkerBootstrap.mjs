// Worker threads do not inherit a loader registered through tsx's API (bin/koku-agg.js), so each registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./dayWorker.ts');
