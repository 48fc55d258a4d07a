import { Box, Typography } from '@mui/material';
import { Empty } from '../common/Section';

/** A horizontal bar chart in plain HTML: each bar's width is its share of the largest value. */
export function Bars({
  label,
  rows,
  format = String,
}: {
  label: string;
  rows: { key: string; label: string; value: number }[];
  /** How a value is written beside its bar (money, say); the number as it is by default. */
  format?: (value: number) => string;
}) {
  const max = Math.max(1, ...rows.map((r) => r.value));
  if (rows.length === 0) {
    return <Empty text="—" />;
  }
  return (
    <Box component="ul" aria-label={label} sx={{ listStyle: 'none', p: 0, m: 0 }}>
      {rows.map((row) => (
        <Box
          component="li"
          key={row.key}
          sx={{
            display: 'grid',
            gridTemplateColumns: '14rem 1fr minmax(3rem, max-content)',
            gap: 1,
            alignItems: 'center',
            mb: 0.5,
          }}
        >
          <Typography variant="body2" noWrap title={row.label}>
            {row.label}
          </Typography>
          <Box sx={{ bgcolor: 'action.hover', borderRadius: 1, height: 14 }} aria-hidden>
            <Box
              sx={{
                bgcolor: 'primary.main',
                borderRadius: 1,
                height: 14,
                width: `${(row.value / max) * 100}%`,
              }}
            />
          </Box>
          <Typography variant="body2" sx={{ textAlign: 'right' }}>
            {format(row.value)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
}
