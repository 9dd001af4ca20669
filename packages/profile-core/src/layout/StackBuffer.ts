/** Root-first stacks gathered into one buffer (input of SortedTrie): stack i = frames[start[i] .. start[i+1]-1]. */
export class StackBuffer {
  frames: Int32Array;
  start: Uint32Array;
  weights: Float64Array;
  count = 0;
  private len = 0;

  constructor(frameCapacity: number, stackCapacity: number) {
    this.frames = new Int32Array(Math.max(1024, frameCapacity));
    this.start = new Uint32Array(Math.max(16, stackCapacity) + 1);
    this.weights = new Float64Array(Math.max(16, stackCapacity));
  }

  push(frames: ArrayLike<number> & { subarray?: unknown }, from: number, to: number, weight: number): void {
    const depth = to - from;
    if (this.len + depth > this.frames.length) {
      const g = new Int32Array(Math.max(this.frames.length * 2, this.len + depth));
      g.set(this.frames);
      this.frames = g;
    }
    if (this.count === this.weights.length) {
      const w = new Float64Array(this.weights.length * 2);
      w.set(this.weights);
      this.weights = w;
      const s = new Uint32Array(this.weights.length + 1);
      s.set(this.start);
      this.start = s;
    }
    const f = this.frames;
    let l = this.len;
    for (let i = from; i < to; i++) {
      f[l++] = frames[i];
    }
    this.len = l;
    this.weights[this.count] = weight;
    this.start[++this.count] = l;
  }
}
