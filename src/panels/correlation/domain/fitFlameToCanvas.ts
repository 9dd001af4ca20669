import { FieldType, type DataFrame, type Field } from '@grafana/data';

/**
 * @grafana/flamegraph draws the whole graph on ONE canvas, every level 22 CSS px high (its PIXELS_PER_LEVEL is
 * 22 × devicePixelRatio device px), and sizes it for all levels of the frame, collapsed rows included.
 */
export const FLAME_LEVEL_CSS_PX = 22;
/**
 * The largest canvas desktop browsers still draw (canvas-size's measurements): 32,767 px per side in Chromium and
 * Firefox; area 268,435,456 px in Chromium and Safari, 124,992,400 (11,180²) in Firefox. A canvas past either limit
 * stays blank without an error (bad-inputs B7/F15; profiles-drilldown#216).
 */
export const MAX_CANVAS_SIDE = 32_767;
export const MAX_CANVAS_AREA = 11_180 * 11_180;
/** Same text as profile-core's TRUNCATED_FRAME, so both cuts look alike in the graph and the table. */
export const TRUNCATED_LABEL = '[truncated]';

/** How many flame levels fit one canvas `widthCssPx` wide at this device pixel ratio. */
export function maxFlameLevels(widthCssPx: number, devicePixelRatio: number): number {
  const dpr = devicePixelRatio > 0 ? devicePixelRatio : 1;
  const levelPx = FLAME_LEVEL_CSS_PX * dpr;
  const byHeight = Math.floor(MAX_CANVAS_SIDE / levelPx);
  const byArea = Math.floor(MAX_CANVAS_AREA / (Math.max(1, Math.round(widthCssPx * dpr)) * levelPx));
  return Math.max(2, Math.min(byHeight, byArea));
}

export interface FittedFlame {
  frame: DataFrame;
  /** Level count of the frame as received. */
  levels: number;
  /** Set when levels were folded: the level of the "[truncated]" nodes. */
  truncatedAt?: number;
}

const field = (frame: DataFrame, name: string): Field | undefined => frame.fields.find((f) => f.name === name);

/**
 * Keeps a nested-set flame frame (level/value/self/label in depth-first pre-order, as Pyroscope and profile-core
 * send it) within `maxLevels` levels: below each node at level `maxLevels - 2`, all deeper rows fold into ONE
 * "[truncated]" child at level `maxLevels - 1` whose value and self are the folded children's total (so every
 * parent's value = self + children still holds, and totals are unchanged). Diff frames (valueRight/selfRight) fold
 * the same way. A frame that fits is returned as is.
 */
export function fitFlameLevels(frame: DataFrame, maxLevels: number): FittedFlame {
  const level = field(frame, 'level');
  const value = field(frame, 'value');
  const self = field(frame, 'self');
  const label = field(frame, 'label');
  let levels = 0;
  if (level) {
    for (let i = 0; i < frame.length; i++) {
      levels = Math.max(levels, (level.values[i] as number) + 1);
    }
  }
  if (!level || !value || !self || !label || levels <= maxLevels) {
    return { frame, levels };
  }
  const cut = maxLevels - 1;
  const valueRight = field(frame, 'valueRight');
  const selfRight = field(frame, 'selfRight');

  // the label of the folded nodes: enum fields index into config.type.enum.text
  let truncatedLabel: unknown = TRUNCATED_LABEL;
  let labelConfig = label.config;
  if (label.type === FieldType.enum) {
    const text = [...(label.config.type?.enum?.text ?? [])];
    let index = text.indexOf(TRUNCATED_LABEL);
    if (index < 0) {
      index = text.push(TRUNCATED_LABEL) - 1;
    }
    truncatedLabel = index;
    labelConfig = { ...label.config, type: { ...label.config.type, enum: { ...label.config.type?.enum, text } } };
  }

  const out = frame.fields.map(() => [] as unknown[]);
  const at = (f: Field | undefined) => (f ? frame.fields.indexOf(f) : -1);
  const [iLevel, iValue, iSelf, iLabel, iValueRight, iSelfRight] = [level, value, self, label, valueRight, selfRight].map(at);
  /** Output row of the "[truncated]" node collecting the current parent's deep children, or -1. */
  let open = -1;
  for (let i = 0; i < frame.length; i++) {
    const l = level.values[i] as number;
    if (l < cut) {
      frame.fields.forEach((f, k) => out[k].push(f.values[i]));
      open = -1;
      continue;
    }
    if (l > cut) {
      continue; // inside a subtree already counted by its ancestor at level `cut`
    }
    if (open < 0) {
      frame.fields.forEach((f, k) => out[k].push(f.values[i]));
      open = out[iLevel].length - 1;
      out[iLevel][open] = cut;
      out[iLabel][open] = truncatedLabel;
      out[iValue][open] = 0;
      out[iSelf][open] = 0;
      if (iValueRight >= 0) {
        out[iValueRight][open] = 0;
      }
      if (iSelfRight >= 0) {
        out[iSelfRight][open] = 0;
      }
    }
    const v = value.values[i] as number;
    (out[iValue][open] as number) += v;
    (out[iSelf][open] as number) += v;
    if (valueRight && iValueRight >= 0 && iSelfRight >= 0) {
      const r = valueRight.values[i] as number;
      (out[iValueRight][open] as number) += r;
      (out[iSelfRight][open] as number) += r;
    }
  }
  const fields = frame.fields.map((f, k) => ({
    ...f,
    values: out[k],
    config: k === iLabel ? labelConfig : f.config,
    state: undefined,
  }));
  return { frame: { ...frame, fields, length: out[0].length }, levels, truncatedAt: cut };
}
