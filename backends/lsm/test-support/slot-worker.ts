// One slot of a --threads cell in a worker thread, for shared-cache.test.ts: the worker requires
// the addon in its own napi environment and opens its own lsm instance through the Backend, as
// statebench's slot workers do, then answers the test's requests one at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { resolveKnobs } from '../../resolve-knobs.js';
import { type LsmInstance, lsmBackend } from '../backend.js';
import { noise } from './noise.js';

export interface SlotWorkerData {
  readonly dir: string;
  readonly sharedDir: string;
  readonly index: number;
  readonly count: number;
  readonly knobs: Record<string, string>;
  /** Keys written by 'load' and read by 'read', values of `valueSize` incompressible bytes. */
  readonly keys: number;
  readonly valueSize: number;
}

/** load: write the keys and flush them to an SST; read: get every key (through the block cache); iterate: the first key through an Iterator. */
export type SlotRequest = 'load' | 'read' | 'usage' | 'iterate' | 'close';

export interface SlotReply {
  readonly request: SlotRequest | 'open';
  readonly capacity: number | null;
  readonly usage: number | null;
  readonly firstKey?: number;
  readonly error?: string;
}

const data = workerData as SlotWorkerData;
const port = parentPort;

async function main(): Promise<void> {
  if (!port) throw new Error('slot-worker runs in a worker thread');
  const db = (await lsmBackend.open(data.dir, resolveKnobs(lsmBackend.describe(), data.knobs), {
    keySize: 16,
    seed: 1,
    slot: { index: data.index, count: data.count, sharedDir: data.sharedDir },
  })) as LsmInstance;
  const reply = (request: SlotReply['request'], extra: Partial<SlotReply> = {}): void =>
    port.postMessage({ request, capacity: db.db.isClosed() ? null : db.db.intProperty('rocksdb.block-cache-capacity'), usage: db.db.isClosed() ? null : db.db.intProperty('rocksdb.block-cache-usage'), ...extra });
  port.on('message', (request: SlotRequest) => {
    try {
      if (request === 'load') {
        for (let k = 0; k < data.keys; k++) db.put(k, noise(data.valueSize, k + 1));
        db.flush();
      } else if (request === 'read') {
        for (let k = 0; k < data.keys; k++) db.get(k);
      } else if (request === 'iterate') {
        const it = db.db.iterator(null, null);
        it.seekToFirst();
        const key = it.key();
        it.close();
        reply(request, { firstKey: key ? Number(Buffer.from(key).readBigUInt64BE(key.length - 8)) : -1 });
        return;
      } else if (request === 'close') {
        db.close();
        reply(request);
        port.close();
        return;
      }
      reply(request);
    } catch (e) {
      reply(request, { error: (e as Error).message });
    }
  });
  reply('open');
}

main().catch((e: unknown) => {
  parentPort?.postMessage({ request: 'open', capacity: null, usage: null, error: (e as Error).message });
});
