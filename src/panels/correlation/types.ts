/** Options of the Hotpath correlation panel, as stored in dashboard JSON. Keep keys stable: provisioned dashboards set them. */
export interface CorrelationOptions {
  /** Share of the panel height given to the metrics chart, in percent (the profile takes the rest). */
  metricsHeightPercent: number;
  /** Which profile view to show below the metrics. */
  profileView: ProfileView;
}

export type ProfileView = 'flamegraph' | 'both';

export const defaultCorrelationOptions: CorrelationOptions = {
  metricsHeightPercent: 35,
  profileView: 'both',
};
