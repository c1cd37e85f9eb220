/**
 * A small ECharts wrapper: bar and pie charts drawn on a canvas, resized with their box.
 * Only the chart types and components used are registered (tree-shaken); nothing is loaded from outside.
 * ECharts itself (most of the page's weight) is imported with the first chart, not with the screen.
 * The canvas is a picture for screen readers: callers give it a label and show the figures in a table too.
 */
import type { ComposeOption, ECharts } from 'echarts/core';
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import { useEffect, useRef, useState } from 'react';
import { FONT_FAMILY } from '../app/theme';

export type ChartOption = ComposeOption<BarSeriesOption | PieSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface ChartDatum {
  label: string;
  value: number;
}

/** Colours that read on white and apart from each other (party red first). */
export const CHART_COLORS = ['#b3141d', '#1d55b5', '#2f7a0f', '#ad5c00', '#6b3fa0', '#00777a', '#8c4a1e', '#4d4d4d'];

const TEXT = { fontFamily: FONT_FAMILY, fontSize: 15, color: 'rgba(0,0,0,0.88)' };

/** A horizontal bar chart: labels on the left, the count at the end of each bar. */
export function barOption(data: readonly ChartDatum[], color = CHART_COLORS[0]!): ChartOption {
  const rows = [...data].reverse(); // first item on top
  return {
    animation: false,
    textStyle: TEXT,
    grid: { left: 8, right: 48, top: 8, bottom: 8, containLabel: true },
    tooltip: { trigger: 'item', textStyle: TEXT, formatter: '{b}：{c} 人' },
    // Every bar carries its count, so the value axis stays out of the way.
    xAxis: { type: 'value', minInterval: 1, axisLabel: { show: false }, splitLine: { show: false } },
    yAxis: { type: 'category', data: rows.map((d) => d.label), axisLabel: { ...TEXT }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        data: rows.map((d) => d.value),
        barMaxWidth: 28,
        itemStyle: { color },
        label: { show: true, position: 'right', ...TEXT, fontWeight: 'bold', formatter: '{c} 人' },
      },
    ],
  };
}

/** A pie (ring) chart with each slice's label and count written beside it (shares are in the table beside it). */
export function pieOption(data: readonly ChartDatum[]): ChartOption {
  return {
    animation: false,
    textStyle: TEXT,
    color: CHART_COLORS,
    tooltip: { trigger: 'item', textStyle: TEXT, formatter: '{b}：{c} 人（{d}%）' },
    series: [
      {
        type: 'pie',
        percentPrecision: 1, // one decimal, as the tables beside the charts
        radius: ['34%', '58%'],
        center: ['50%', '52%'],
        avoidLabelOverlap: true,
        data: data.filter((d) => d.value > 0).map((d) => ({ name: d.label, value: d.value })),
        label: { show: true, ...TEXT, formatter: '{b}\n{c} 人', lineHeight: 20, overflow: 'none' },
        labelLine: { length: 10, length2: 10 },
      },
    ],
  };
}

let echarts: Promise<typeof import('./echarts')> | null = null;
const loadEcharts = () => (echarts ??= import('./echarts'));

export function Chart({ option, label, height = 260 }: { option: ChartOption; label: string; height?: number }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    let dispose = () => undefined as void;
    void loadEcharts().then(({ init }) => {
      const el = box.current;
      if (!live || !el) return;
      const c = init(el, undefined, { renderer: 'canvas' });
      chart.current = c;
      const observer = new ResizeObserver(() => c.resize());
      observer.observe(el);
      dispose = () => {
        observer.disconnect();
        c.dispose();
        chart.current = null;
      };
      setReady(true);
    });
    return () => {
      live = false;
      dispose();
    };
  }, []);

  useEffect(() => {
    if (ready) chart.current?.setOption(option, { notMerge: true });
  }, [option, ready]);

  return <div ref={box} role="img" aria-label={label} className="chart-box" style={{ width: '100%', height }} />;
}
