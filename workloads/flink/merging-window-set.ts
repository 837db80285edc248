// The simulation's copy of one key's MergingWindowSet (Flink's flink-streaming-java
// MergingWindowSet, with EventTimeSessionWindows' TimeWindow.mergeWindows): the in-flight
// session windows, each mapped to the state window its contents live in. A new element's window
// [ts, ts + gap) merges with every window it touches (TimeWindow.intersects counts touching
// ends); the merged windows give up their state windows to the one of the first of them.
//
// "First" is the first of java.util.HashSet's iteration order, which mergeWindows' set of
// windows has: by bucket (the spread hash of TimeWindow.hashCode, 16 buckets for the few
// windows a merge holds), then in insertion order (by start). That choice names the namespace
// the merged state stays in, and the order of the merged windows' timer deletes and state reads.

/** A TimeWindow [start, end). */
export interface SessionWindow {
  readonly start: number;
  readonly end: number;
}

export interface Entry {
  readonly window: SessionWindow;
  /** The state window's start (a state window is a first window: [start, start + gap)). */
  readonly state: number;
}

const M64 = (1n << 64n) - 1n;

/** MathUtils.longToIntWithBitMixing, which TimeWindow.hashCode applies to start + end. */
export function longToIntWithBitMixing(v: number): number {
  let x = BigInt(v) & M64;
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & M64;
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & M64;
  x ^= x >> 31n;
  return Number(BigInt.asIntN(32, x));
}

/** The bucket of a HashSet of up to 12 elements (16 buckets): HashMap.hash spreads the hash's high half into the low. */
function bucket(w: SessionWindow): number {
  const h = longToIntWithBitMixing(w.start + w.end);
  return (h ^ (h >>> 16)) & 15;
}

/** A HashSet's iteration order of windows added in the given order (fewer than 13). */
export function hashSetOrder(added: readonly SessionWindow[]): SessionWindow[] {
  return added.map((w, i) => ({ w, b: bucket(w), i })).sort((x, y) => x.b - y.b || x.i - y.i).map((x) => x.w);
}

const same = (a: SessionWindow, b: SessionWindow): boolean => a.start === b.start && a.end === b.end;

/** What addWindow did: the window the element went to, and the merge it made (null: none). */
export interface Added {
  readonly window: SessionWindow;
  readonly merge: {
    readonly result: SessionWindow;
    /** The windows merged away (not the new one), in the set's order. */
    readonly merged: readonly SessionWindow[];
    /** The state window the result keeps (a start). */
    readonly stateWindow: number;
    /** The state windows merged into it (starts), in the merged windows' order. */
    readonly mergedStateWindows: readonly number[];
  } | null;
}

export class MergingWindowSet {
  private entries: Entry[];
  private readonly initial: string;

  /** The set as a key's "merging-window-set" state holds it (the constructor's state.get()). */
  constructor(stored: readonly Entry[]) {
    this.entries = [...stored];
    this.initial = signature(this.entries);
  }

  /** The mapping to store (persist writes it when it changed). */
  get mapping(): readonly Entry[] {
    return this.entries;
  }

  /** persist(): true when the mapping differs from the one read, so Flink rewrites the state. */
  changed(): boolean {
    return signature(this.entries) !== this.initial;
  }

  /** The state window of an in-flight window with this start (null: none, the window was retired). */
  find(start: number): Entry | null {
    return this.entries.find((e) => e.window.start === start) ?? null;
  }

  retire(w: SessionWindow): void {
    this.entries = this.entries.filter((e) => !same(e.window, w));
  }

  /** addWindow: adds the element's window, merging it with the windows it touches. */
  add(w: SessionWindow): Added {
    // TimeWindow.mergeWindows: sort by start (stably: the new window, added last, after an equal start) and merge runs that touch.
    const sorted = [...this.entries.map((e) => e.window), w].sort((a, b) => a.start - b.start);
    let group: SessionWindow[] = [];
    let cover: SessionWindow | null = null;
    let found: { group: SessionWindow[]; cover: SessionWindow } | null = null;
    for (const c of sorted) {
      if (cover !== null && cover.start <= c.end && cover.end >= c.start) {
        cover = { start: Math.min(cover.start, c.start), end: Math.max(cover.end, c.end) };
        if (!group.some((g) => same(g, c))) group.push(c);
      } else {
        if (cover !== null && group.includes(w)) found = { group, cover };
        cover = c;
        group = [c];
      }
    }
    if (cover !== null && group.includes(w)) found = { group, cover };
    // In-flight windows never touch one another (they would have merged), so only the new window's run can merge.
    if (found === null || found.group.length < 2) {
      if (!this.entries.some((e) => same(e.window, w))) this.entries.push({ window: w, state: w.start });
      return { window: w, merge: null };
    }
    const merged = hashSetOrder(found.group).filter((x) => x !== w);
    const result = found.cover;
    const stateOf = (x: SessionWindow): number => (this.entries.find((e) => same(e.window, x)) as Entry).state;
    const stateWindow = stateOf(merged[0] as SessionWindow);
    const mergedStateWindows = merged.map(stateOf).filter((s) => s !== stateWindow);
    this.entries = this.entries.filter((e) => !merged.some((m) => same(m, e.window)));
    this.entries.push({ window: result, state: stateWindow });
    // A new window inside an existing one merges nothing: no merge callback.
    const swallowed = merged.length === 1 && same(merged[0] as SessionWindow, result);
    return { window: result, merge: swallowed ? null : { result, merged, stateWindow, mergedStateWindows } };
  }
}

function signature(entries: readonly Entry[]): string {
  return entries
    .map((e) => `${e.window.start},${e.window.end},${e.state}`)
    .sort()
    .join(';');
}
