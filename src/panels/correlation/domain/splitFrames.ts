import { FieldType, type DataFrame } from '@grafana/data';

/** The frames a correlation panel receives, sorted by what they can show. */
export interface SplitFrames {
  /** Frames with a time field and at least one number field (Prometheus range queries). */
  series: DataFrame[];
  /**
   * The first frame meant as a flame graph (Pyroscope's profile query, or ours). Its fields are not checked here:
   * the panel checks them with @grafana/flamegraph's own checkFields before drawing.
   */
  profile?: DataFrame;
  /** Frames that are neither; reported to the user rather than silently dropped. */
  ignored: DataFrame[];
}

const FLAME_FIELDS = ['level', 'value', 'self', 'label'];

/**
 * True when the frame is meant as a flame graph: the data source says so (`preferredVisualisationType`, as Pyroscope
 * sets it) or it carries the nested-set fields. Types and missing fields are NOT checked here, so that a broken
 * profile frame is reported to the user rather than dropped as "no data".
 */
export function isFlameGraphFrame(frame: DataFrame): boolean {
  if (frame.meta?.preferredVisualisationType === 'flamegraph') {
    return true;
  }
  const names = new Set(frame.fields.map((f) => f.name));
  return FLAME_FIELDS.every((n) => names.has(n));
}

function isTimeSeriesFrame(frame: DataFrame): boolean {
  return (
    frame.fields.some((f) => f.type === FieldType.time) && frame.fields.some((f) => f.type === FieldType.number)
  );
}

/**
 * Sorts a panel's frames into metrics and profile. A mixed-datasource panel gets Prometheus and Pyroscope frames
 * in one list; the order of refIds is kept so the legend follows the query order the user wrote.
 */
export function splitFrames(frames: DataFrame[]): SplitFrames {
  const result: SplitFrames = { series: [], ignored: [] };
  for (const frame of frames) {
    if (isFlameGraphFrame(frame)) {
      if (!result.profile) {
        result.profile = frame;
      } else {
        result.ignored.push(frame);
      }
    } else if (isTimeSeriesFrame(frame)) {
      result.series.push(frame);
    } else {
      result.ignored.push(frame);
    }
  }
  return result;
}
