import { FieldType, type DataFrame } from '@grafana/data';

/**
 * Longest function name the flame graph is given, in UTF-16 code units. @grafana/flamegraph colours each bar by
 * package: it runs a list of regular expressions over the name (FlameGraph/colors getPackageName), and for names
 * without ':' the Node.js pattern backtracks in quadratic time. Measured in Chromium: a 65,535-character name (what
 * Pyroscope and profile-core let through) blocks the page for 3.3 s on every redraw; 1,024 characters cost ~3 ms.
 */
export const MAX_LABEL_LENGTH = 1024;

const shorten = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/** The frame with every label longer than `max` cut and ended with "…" (string or enum label field); else as is. */
export function shortenLabels(frame: DataFrame, max = MAX_LABEL_LENGTH): DataFrame {
  const index = frame.fields.findIndex((f) => f.name === 'label');
  const label = frame.fields[index];
  if (!label) {
    return frame;
  }
  if (label.type === FieldType.enum) {
    const text = label.config.type?.enum?.text;
    if (!text || !text.some((t) => t.length > max)) {
      return frame;
    }
    const config = { ...label.config, type: { ...label.config.type, enum: { ...label.config.type?.enum, text: text.map((t) => shorten(t, max)) } } };
    return { ...frame, fields: frame.fields.map((f, i) => (i === index ? { ...f, config, state: undefined } : f)) };
  }
  if (label.type === FieldType.string && label.values.some((v) => typeof v === 'string' && v.length > max)) {
    const values = label.values.map((v) => (typeof v === 'string' ? shorten(v, max) : v));
    return { ...frame, fields: frame.fields.map((f, i) => (i === index ? { ...f, values, state: undefined } : f)) };
  }
  return frame;
}
