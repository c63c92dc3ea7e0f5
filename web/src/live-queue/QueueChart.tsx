import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { t } from '../i18n';
import { chartSeries, type HistoryPoint } from './live-queue';

const HEIGHT = 240;
const WAITING_COLOUR = '#0b5cad';
const RESPONSE_COLOUR = '#b35c00';

function options(width: number): uPlot.Options {
  return {
    width,
    height: HEIGHT,
    legend: { show: false },
    scales: {
      x: { time: true },
      waiting: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      minutes: { range: (_u, _min, max) => [0, Math.max(1, max ?? 1)] },
    },
    series: [
      {},
      { label: t.liveQueue.chartWaiting, scale: 'waiting', stroke: WAITING_COLOUR, width: 2 },
      { label: t.liveQueue.chartResponse, scale: 'minutes', stroke: RESPONSE_COLOUR, width: 2, dash: [6, 4], spanGaps: true },
    ],
    axes: [
      {},
      // Whole conversations only: no 0.2 ticks on a small queue.
      { scale: 'waiting', label: t.liveQueue.chartWaitingAxis, stroke: WAITING_COLOUR, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000] },
      { scale: 'minutes', side: 1, label: t.liveQueue.chartResponseAxis, stroke: RESPONSE_COLOUR, grid: { show: false } },
    ],
  };
}

/**
 * Waiting conversations and the median first response over the last hours, drawn by uPlot on a
 * canvas that follows its container's width. The canvas is hidden from screen readers: the caption
 * and the summary beside it say the same in words.
 */
export function QueueChart({ points, summary }: { points: readonly HistoryPoint[]; summary: string }) {
  const container = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const chart = new uPlot(options(element.clientWidth), [[], [], []], element);
    plot.current = chart;
    const resize = new ResizeObserver(() => chart.setSize({ width: element.clientWidth, height: HEIGHT }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = null;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(chartSeries(points) as uPlot.AlignedData);
  }, [points]);

  return (
    <figure className="chart" aria-labelledby="queue-chart-caption" aria-describedby="queue-chart-summary">
      <figcaption id="queue-chart-caption">{t.liveQueue.chartTitle}</figcaption>
      <ul className="chart-legend">
        <li>
          <span className="swatch swatch-waiting" aria-hidden="true" /> {t.liveQueue.chartWaiting}
        </li>
        <li>
          <span className="swatch swatch-response" aria-hidden="true" /> {t.liveQueue.chartResponse}
        </li>
      </ul>
      <div ref={container} className="chart-canvas" aria-hidden="true" />
      <p id="queue-chart-summary" className="hint">
        {summary}
      </p>
    </figure>
  );
}
