// What the data views show of a column profile (kernels/profile): headline numbers, a list of
// statistics, the distribution (bins for numbers/dates/text lengths, top values otherwise) and
// the bar heights of the header sparkline.
import type { ColumnProfile } from '../../kernels/profile';
import type { ColumnType } from '../../kernels/table/types';
import { formatDate, formatDateTime, formatNumber } from '../../shared/data/format-cell';
import { formatCount, formatPercent } from './format-text';

export interface ProfileStat {
  label: string;
  value: string;
}

export interface ProfileView {
  name: string;
  type: ColumnType;
  distinct: number;
  stats: ProfileStat[];
  /** Pre-binned counts; x0/x1 are values (epoch ms for dates) or text lengths (histogramOf). */
  histogram?: { x0: number; x1: number; count: number }[];
  histogramOf?: 'value' | 'length';
  /** A skewed column's bins on a log(1 + x) scale (offered as "log scale"). */
  logHistogram?: { x0: number; x1: number; count: number }[];
  topValues?: { value: string; count: number }[];
  /** Bar heights for the header sparkline. */
  sparkline: number[];
}

export function toProfileView(profile: ColumnProfile, name = profile.name): ProfileView {
  const { type, histogram } = profile;
  const formatValue = type === 'date' ? formatDate : type === 'datetime' ? formatDateTime : formatNumber;
  const stats: ProfileStat[] = [];
  const add = (label: string, value: number | undefined, format: (v: number) => string = formatValue) => {
    if (value !== undefined && Number.isFinite(value)) stats.push({ label, value: format(value) });
  };

  if (type === 'boolean') {
    add('Share true', profile.mean, formatPercent);
  } else if (profile.min !== undefined) {
    if (profile.minText !== undefined) stats.push({ label: 'Min', value: profile.minText });
    else add('Min', profile.min);
    add('P5', profile.p5);
    add('P25', profile.p25);
    add('Median', profile.p50);
    add('P75', profile.p75);
    add('P95', profile.p95);
    if (profile.maxText !== undefined) stats.push({ label: 'Max', value: profile.maxText });
    else add('Max', profile.max);
    if (type !== 'date' && type !== 'datetime') {
      add('Mean', profile.mean);
      add('Std dev', profile.std);
    }
  }
  const top = profile.top?.[0];
  if (top && profile.rows > profile.missing && (type === 'categorical' || type === 'boolean' || type === 'constant')) {
    const present = profile.rows - profile.missing;
    stats.push({ label: 'Most common', value: `${top.value} (${formatPercent(top.count / present)})` });
  }
  if (profile.length && (type === 'text' || type === 'email' || type === 'url' || type === 'phone' || type === 'id')) {
    add('Shortest text', profile.length.min, formatNumber);
    add('Median length', profile.length.p50, formatNumber);
    add('Longest text', profile.length.max, formatNumber);
  }

  const view: ProfileView = { name, type, distinct: profile.distinct, stats, sparkline: [] };
  if (histogram.kind === 'bins') {
    view.histogram = histogram.bins.map((bin) => ({ x0: bin.x0, x1: bin.x1, count: bin.count }));
    view.histogramOf = histogram.of;
    view.sparkline = histogram.bins.map((bin) => bin.count);
    if (histogram.logBins) view.logHistogram = histogram.logBins.map((bin) => ({ x0: bin.x0, x1: bin.x1, count: bin.count }));
  } else if (histogram.kind === 'bars') {
    view.topValues = histogram.bars.map((bar) => ({ value: bar.value, count: bar.count }));
    view.sparkline = histogram.bars.map((bar) => bar.count);
    if (histogram.other > 0) stats.push({ label: 'Other values', value: formatCount(histogram.other) });
  }
  return view;
}
