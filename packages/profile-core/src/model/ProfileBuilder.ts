import { GrowableF64, GrowableI32 } from './growable';
import type { Profile, ValueType } from './Profile';
import { ArrayStringTable } from './StringTable';

export interface BuilderLine {
  /** Dense function index returned by addFunction. */
  fn: number;
  line?: number;
}

export interface BuilderLabel {
  key: string;
  str?: string;
  num?: number;
  unit?: string;
}

/**
 * Builds a Profile in memory (merge, subtract, folded-stack fixtures). Strings, functions and locations are
 * de-duplicated, so merging N profiles of the same binary does not multiply the tables.
 */
export class ProfileBuilder {
  private strings: string[] = [''];
  private stringIds = new Map<string, number>([['', 0]]);
  private fnKeys = new Map<string, number>();
  private fnName = new GrowableI32();
  private fnSys = new GrowableI32();
  private fnFile = new GrowableI32();
  private fnStart = new GrowableF64();
  private locKeys = new Map<string, number>();
  private locAddr = new GrowableF64();
  private lineStart = new GrowableI32();
  private lineFn = new GrowableI32();
  private lineNo = new GrowableF64();
  private stackStart = new GrowableI32();
  private stack = new GrowableI32();
  private values = new GrowableF64();
  private labelStart = new GrowableI32();
  private labelKey = new GrowableI32();
  private labelStr = new GrowableI32();
  private labelNum = new GrowableF64();
  private labelUnit = new GrowableI32();
  samples = 0;
  period = 0;
  periodType: ValueType | null = null;
  timeNanos = 0;
  durationNanos = 0;
  defaultSampleType = -1;
  comments: string[] = [];

  constructor(readonly sampleTypes: ValueType[]) {
    this.lineStart.push(0);
    this.stackStart.push(0);
    this.labelStart.push(0);
  }

  str(s: string): number {
    let id = this.stringIds.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.stringIds.set(s, id);
    }
    return id;
  }

  addFunction(name: string, file = '', startLine = 0, systemName = name): number {
    const key = `${name}\u0000${file}\u0000${startLine}\u0000${systemName}`;
    let id = this.fnKeys.get(key);
    if (id === undefined) {
      id = this.fnName.length;
      this.fnName.push(this.str(name));
      this.fnSys.push(this.str(systemName));
      this.fnFile.push(this.str(file));
      this.fnStart.push(startLine);
      this.fnKeys.set(key, id);
    }
    return id;
  }

  /** Lines leaf-most first, as in pprof. */
  addLocation(lines: BuilderLine[], address = 0): number {
    const key = `${address}|${lines.map((l) => `${l.fn}:${l.line ?? 0}`).join(',')}`;
    let id = this.locKeys.get(key);
    if (id === undefined) {
      id = this.locAddr.length;
      this.locAddr.push(address);
      for (const l of lines) {
        this.lineFn.push(l.fn);
        this.lineNo.push(l.line ?? 0);
      }
      this.lineStart.push(this.lineFn.length);
      this.locKeys.set(key, id);
    }
    return id;
  }

  /** Stack of dense location indexes, leaf first. */
  addSample(locations: ArrayLike<number>, values: ArrayLike<number>, labels: BuilderLabel[] = []): void {
    for (let i = 0; i < locations.length; i++) {
      this.stack.push(locations[i]);
    }
    for (let t = 0; t < this.sampleTypes.length; t++) {
      this.values.push(values[t] ?? 0);
    }
    for (const l of labels) {
      this.labelKey.push(this.str(l.key));
      this.labelStr.push(l.str !== undefined ? this.str(l.str) : 0);
      this.labelNum.push(l.num ?? 0);
      this.labelUnit.push(l.unit !== undefined ? this.str(l.unit) : 0);
    }
    this.stackStart.push(this.stack.length);
    this.labelStart.push(this.labelKey.length);
    this.samples++;
  }

  build(): Profile {
    const nf = this.fnName.length;
    const nl = this.locAddr.length;
    const seq = (n: number) => Float64Array.from({ length: n }, (_, i) => i + 1);
    return {
      sampleTypes: this.sampleTypes.map((t) => ({ ...t })),
      defaultSampleType: this.defaultSampleType >= 0 ? this.defaultSampleType : Math.max(0, this.sampleTypes.length - 1),
      periodType: this.periodType,
      period: this.period,
      timeNanos: this.timeNanos,
      durationNanos: this.durationNanos,
      comments: this.comments,
      dropFrames: '',
      keepFrames: '',
      strings: new ArrayStringTable(this.strings),
      functions: {
        count: nf,
        id: seq(nf),
        name: this.fnName.finish(),
        systemName: this.fnSys.finish(),
        filename: this.fnFile.finish(),
        startLine: this.fnStart.finish(),
      },
      locations: {
        count: nl,
        id: seq(nl),
        address: this.locAddr.finish(),
        mapping: new Int32Array(nl).fill(-1),
        lineStart: Uint32Array.from(this.lineStart.finish()),
        lineFunction: this.lineFn.finish(),
        lineNumber: this.lineNo.finish(),
      },
      mappings: {
        count: 0,
        id: new Float64Array(0),
        memoryStart: new Float64Array(0),
        memoryLimit: new Float64Array(0),
        fileOffset: new Float64Array(0),
        filename: new Int32Array(0),
        buildId: new Int32Array(0),
        flags: new Uint8Array(0),
      },
      samples: {
        count: this.samples,
        stackStart: Uint32Array.from(this.stackStart.finish()),
        stack: this.stack.finish(),
        values: this.values.finish(),
        labelStart: Uint32Array.from(this.labelStart.finish()),
        labelKey: this.labelKey.finish(),
        labelStr: this.labelStr.finish(),
        labelNum: this.labelNum.finish(),
        labelNumUnit: this.labelUnit.finish(),
      },
      warnings: [],
    };
  }
}
