import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ReportLine } from '../../lib/report-lines';

/** Colours told apart with the common colour-vision deficiencies, on white and in print. */
const COLOURS = { served: '#0a4fa3', abandoned: '#c2410c', cancelled: '#6b7280', sign: '#7c3aed' };

const percent = (share: number | null) => (share === null ? null : Math.round(share * 1000) / 10);

/**
 * The report's rows as charts: visits (served, abandoned, cancelled) stacked per row, and the
 * service level beside the sign-language one. The table below holds the same figures for anyone
 * who reads rather than looks.
 */
export function ReportCharts({ lines }: { lines: readonly ReportLine[] }) {
  const { t } = useTranslation();
  const ids = { visits: useId(), level: useId(), note: useId() };
  const data = lines
    .filter((line) => !line.total)
    .map(({ label, figures: f }) => ({
      label,
      served: f.served,
      abandoned: f.abandoned,
      cancelled: f.cancelled,
      level: percent(f.serviceLevel),
      sign: percent(f.signLanguageServiceLevel),
    }));
  return (
    <>
      <p id={ids.note} className="hint">
        {t('reports.chartNote')}
      </p>
      <div className="report-charts">
        <figure className="report-chart" aria-labelledby={ids.visits} aria-describedby={ids.note}>
          <figcaption id={ids.visits}>{t('reports.visitsChart')}</figcaption>
          <ResponsiveContainer width="100%" height={280}>
            <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis allowDecimals={false} />
              <Tooltip />
              <Legend />
              <Bar
                dataKey="served"
                name={t('reports.columns.served')}
                stackId="visits"
                fill={COLOURS.served}
              />
              <Bar
                dataKey="abandoned"
                name={t('reports.columns.abandoned')}
                stackId="visits"
                fill={COLOURS.abandoned}
              />
              <Bar
                dataKey="cancelled"
                name={t('reports.columns.cancelled')}
                stackId="visits"
                fill={COLOURS.cancelled}
              />
            </BarChart>
          </ResponsiveContainer>
        </figure>
        <figure className="report-chart" aria-labelledby={ids.level} aria-describedby={ids.note}>
          <figcaption id={ids.level}>{t('reports.levelChart')}</figcaption>
          <ResponsiveContainer width="100%" height={280}>
            <LineChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
              <CartesianGrid strokeDasharray="3 3" vertical={false} />
              <XAxis dataKey="label" tick={{ fontSize: 12 }} />
              <YAxis domain={[0, 100]} unit=" %" />
              <Tooltip />
              <Legend />
              <Line
                dataKey="level"
                name={t('reports.levelAll')}
                stroke={COLOURS.served}
                strokeWidth={3}
                connectNulls
              />
              <Line
                dataKey="sign"
                name={t('reports.levelSign')}
                stroke={COLOURS.sign}
                strokeWidth={3}
                strokeDasharray="6 3"
                connectNulls
              />
            </LineChart>
          </ResponsiveContainer>
        </figure>
      </div>
    </>
  );
}
