import React from 'react';
import { render, screen } from '@testing-library/react';
import {
  EventBusSrv,
  FieldType,
  LoadingState,
  createDataFrame,
  getDefaultTimeRange,
  type DataFrame,
  type PanelProps,
} from '@grafana/data';
import { CorrelationPanel } from './CorrelationPanel';
import { defaultCorrelationOptions, type CorrelationOptions } from './types';

// The two leaf views draw on <canvas> (uPlot inside @grafana/ui's TimeSeries; @grafana/flamegraph), which jsdom does
// not implement (the scaffold's jest setup stubs getContext to return nothing). They are mocked here, and only they:
// this test is about the adapter — which frames reach which view, with what size and options, and what the user sees
// when data is missing. The real views are drawn by the host tests (tests/host) in Chromium.
// The adapter checks profile frames with @grafana/flamegraph's own checkFields. Loading that package pulls in d3's
// ES module build, which the scaffold's jest transform skips; d3 is only called while drawing (diff colours), which
// these tests never do, so an empty stand-in is enough.
jest.mock('d3', () => ({}));

const metricsChart = jest.fn();
const profileView = jest.fn();
jest.mock('./ui/MetricsChart', () => ({
  MetricsChart: (props: { frames: DataFrame[]; height: number }) => {
    metricsChart(props);
    return <div data-testid="mock-metrics-chart">{props.frames.length} series</div>;
  },
}));
jest.mock('./ui/ProfileView', () => ({
  ProfileView: (props: { frame: DataFrame; view: string }) => {
    profileView(props);
    return <div data-testid="mock-profile-view">{props.view}</div>;
  },
}));

const p99 = createDataFrame({
  refId: 'A',
  fields: [
    { name: 'Time', type: FieldType.time, values: [1_000, 16_000, 31_000] },
    { name: 'Value', type: FieldType.number, values: [0.12, 0.74, 0.13], labels: { route: '/api/checkout' } },
  ],
});
const errorRatio = createDataFrame({
  refId: 'B',
  fields: [
    { name: 'Time', type: FieldType.time, values: [1_000, 16_000, 31_000] },
    { name: 'Value', type: FieldType.number, values: [0.004, 0.03, 0.005] },
  ],
});
const flame = createDataFrame({
  refId: 'P',
  fields: [
    { name: 'level', type: FieldType.number, values: [0, 1, 2] },
    { name: 'value', type: FieldType.number, values: [100, 100, 60] },
    { name: 'self', type: FieldType.number, values: [0, 40, 60] },
    { name: 'label', type: FieldType.string, values: ['total', 'main.main', 'main.busyLoop'] },
  ],
});
const table = createDataFrame({ refId: 'T', fields: [{ name: 'route', type: FieldType.string, values: ['/api/search'] }] });

function props(series: DataFrame[], options: Partial<CorrelationOptions> = {}): PanelProps<CorrelationOptions> {
  const timeRange = getDefaultTimeRange();
  return {
    id: 7,
    data: { state: LoadingState.Done, series, timeRange },
    timeRange,
    timeZone: 'utc',
    options: { ...defaultCorrelationOptions, ...options },
    transparent: false,
    width: 800,
    height: 600,
    fieldConfig: { defaults: {}, overrides: [] },
    renderCounter: 0,
    title: 'Correlation',
    eventBus: new EventBusSrv(),
    onOptionsChange: jest.fn(),
    onFieldConfigChange: jest.fn(),
    replaceVariables: (s: string) => s,
    onChangeTimeRange: jest.fn(),
  };
}

beforeEach(() => {
  metricsChart.mockClear();
  profileView.mockClear();
});

describe('CorrelationPanel', () => {
  describe('when the panel has no data', () => {
    it("shows Grafana's data error view with the panel's message", () => {
      render(<CorrelationPanel {...props([])} />);
      // @grafana/runtime's PanelDataErrorView (Grafana swaps in its own at run time; the message is ours)
      expect(screen.getByText(/No metrics or profile data\. Query latency\/error\/throughput from Prometheus/)).toBeInTheDocument();
      expect(screen.queryByTestId('hotpath-correlation-view')).not.toBeInTheDocument();
    });

    it('treats frames that are neither series nor flame graph as no data', () => {
      render(<CorrelationPanel {...props([table])} />);
      expect(screen.getByText(/No metrics or profile data/)).toBeInTheDocument();
      expect(metricsChart).not.toHaveBeenCalled();
      expect(profileView).not.toHaveBeenCalled();
    });
  });

  describe('when only metrics are queried', () => {
    it('draws every series at full height and hints that no profile is in the data', () => {
      render(<CorrelationPanel {...props([p99, errorRatio])} />);
      expect(screen.getByTestId('mock-metrics-chart')).toHaveTextContent('2 series');
      expect(metricsChart).toHaveBeenLastCalledWith(expect.objectContaining({ frames: [p99, errorRatio], width: 800, height: 600 }));
      expect(screen.getByTestId('hotpath-no-profile')).toHaveTextContent("No profile in this panel's data");
      expect(profileView).not.toHaveBeenCalled();
    });
  });

  describe('when only a profile is queried', () => {
    it('shows the profile without the metrics chart or the hint', () => {
      render(<CorrelationPanel {...props([flame])} />);
      expect(profileView).toHaveBeenLastCalledWith(expect.objectContaining({ frame: flame, view: 'both' }));
      expect(screen.queryByTestId('hotpath-metrics')).not.toBeInTheDocument();
      expect(screen.queryByTestId('hotpath-no-profile')).not.toBeInTheDocument();
    });
  });

  describe('when metrics and a profile are queried together', () => {
    it('gives the metrics their share of the height and the profile the rest', () => {
      render(<CorrelationPanel {...props([p99, flame, errorRatio], { metricsHeightPercent: 40 })} />);
      expect(metricsChart).toHaveBeenLastCalledWith(expect.objectContaining({ frames: [p99, errorRatio], height: 240 }));
      expect(screen.getByTestId('hotpath-metrics')).toHaveStyle({ height: '240px' });
      expect(profileView).toHaveBeenLastCalledWith(expect.objectContaining({ frame: flame }));
      expect(screen.queryByTestId('hotpath-no-profile')).not.toBeInTheDocument();
    });

    it('passes the profile view option through', () => {
      render(<CorrelationPanel {...props([p99, flame], { profileView: 'flamegraph' })} />);
      expect(screen.getByTestId('mock-profile-view')).toHaveTextContent('flamegraph');
    });

    it('draws the first flame graph frame when several arrive', () => {
      const second = createDataFrame({ ...flame, refId: 'Q' });
      render(<CorrelationPanel {...props([flame, second, p99])} />);
      expect(profileView).toHaveBeenCalledTimes(1);
      expect(profileView).toHaveBeenLastCalledWith(expect.objectContaining({ frame: flame }));
    });
  });

  describe('when the profile frame is malformed', () => {
    const withLabel = (type: FieldType, values: unknown[]) =>
      createDataFrame({
        refId: 'P',
        fields: [
          { name: 'level', type: FieldType.number, values: [0, 1] },
          { name: 'value', type: FieldType.number, values: [10, 4] },
          { name: 'self', type: FieldType.number, values: [6, 4] },
          { name: 'label', type, values },
        ],
      });

    it("keeps the metrics and shows @grafana/flamegraph's own message in the profile area for a field of the wrong type", () => {
      render(<CorrelationPanel {...props([p99, withLabel(FieldType.number, [0, 1])])} />);
      expect(screen.getByTestId('hotpath-profile-error')).toHaveTextContent(
        /The profile cannot be drawn as a flame graph\. Data has fields of wrong type: label has type number but should be string or enum/
      );
      expect(profileView).not.toHaveBeenCalled();
      expect(metricsChart).toHaveBeenCalledTimes(1);
      expect(screen.queryByTestId('hotpath-no-profile')).not.toBeInTheDocument();
    });

    it("shows Grafana's data error view when the broken profile is all there is", () => {
      render(<CorrelationPanel {...props([withLabel(FieldType.number, [0, 1])])} />);
      expect(screen.getByText(/The profile cannot be drawn as a flame graph\. Data has fields of wrong type/)).toBeInTheDocument();
      expect(screen.queryByTestId('hotpath-profile-error')).not.toBeInTheDocument();
      expect(metricsChart).not.toHaveBeenCalled();
    });

    it('names the missing field of a frame the data source marks as a flame graph', () => {
      const noSelf = createDataFrame({
        refId: 'P',
        meta: { preferredVisualisationType: 'flamegraph' },
        fields: [
          { name: 'level', type: FieldType.number, values: [0, 1] },
          { name: 'value', type: FieldType.number, values: [10, 4] },
          { name: 'label', type: FieldType.string, values: ['total', 'main.main'] },
        ],
      });
      render(<CorrelationPanel {...props([noSelf])} />);
      expect(screen.getByText(/Data is missing fields: self/)).toBeInTheDocument();
      expect(screen.queryByText(/No metrics or profile data/)).not.toBeInTheDocument();
      expect(profileView).not.toHaveBeenCalled();
    });

    it('accepts label as string or enum', () => {
      render(<CorrelationPanel {...props([withLabel(FieldType.string, ['total', 'main.main'])])} />);
      expect(profileView).toHaveBeenCalledTimes(1);
    });
  });
});
