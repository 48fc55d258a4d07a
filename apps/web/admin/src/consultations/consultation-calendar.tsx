import { Box, IconButton, Paper, Stack, Typography } from '@mui/material';
import ChevronLeft from '@mui/icons-material/ChevronLeft';
import ChevronRight from '@mui/icons-material/ChevronRight';
import { useEffect, useState } from 'react';
import { Button, Title, useLocale, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';
import {
  addDays,
  dayOf,
  formatDate,
  formatDay,
  formatTime,
  minuteOfDay,
  mondayOf,
  startOfDay,
  zonedParts,
} from '../../../shared/time';
import { intlLocale } from '../common/fields';
import { listAll } from '../dataProvider';
import { staffTimeZone } from '../session';
import { clientName, type Consultation } from './consultations';

const HOUR_PX = 72;

/** 'YYYY-MM-DDTHH:mm' of an instant in a zone: what the calendar places an event at. */
function localStamp(instant: string, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${dayOf(instant, zone)}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** A week of consultations laid out by the hour, in the staff member's time zone. */
export function ConsultationCalendar() {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = intlLocale(useLocale());
  const zone = staffTimeZone();
  const today = dayOf(new Date(), zone);
  const [monday, setMonday] = useState(mondayOf(today));
  const [items, setItems] = useState<Consultation[]>([]);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  useEffect(() => {
    let live = true;
    const from = startOfDay(monday, zone).toISOString();
    const to = startOfDay(addDays(monday, 7), zone).toISOString();
    void listAll<Consultation>('/api/consultations', { from, to }).then(
      (found) => live && setItems(found.filter((c) => c.status !== 'cancelled')),
      (error: Error) => {
        if (live) {
          setItems([]);
          // An empty week that is really a failure would mislead: say so.
          notify(error.message, { type: 'error' });
        }
      },
    );
    return () => {
      live = false;
    };
  }, [monday, zone, notify]);
  const minutes = items.flatMap((c) => [
    minuteOfDay(c.startsAt, zone),
    minuteOfDay(c.endsAt, zone) || 24 * 60,
  ]);
  const firstHour = Math.min(8, ...minutes.map((m) => Math.floor(m / 60)));
  const lastHour = Math.max(18, ...minutes.map((m) => Math.ceil(m / 60)));
  const hours = Array.from({ length: lastHour - firstHour }, (_, i) => firstHour + i);
  return (
    <Box sx={{ mt: 2 }}>
      <Title title={translate('pd.consultations.week')} />
      <Stack direction="row" spacing={1} sx={{ mb: 1, flexWrap: 'wrap', alignItems: 'center' }}>
        <IconButton
          aria-label={translate('pd.calendar.previous_week')}
          onClick={() => setMonday(addDays(monday, -7))}
        >
          <ChevronLeft />
        </IconButton>
        <Typography variant="h6" component="h2">
          {formatDate(monday, locale)} – {formatDate(addDays(monday, 6), locale)}
        </Typography>
        <IconButton
          aria-label={translate('pd.calendar.next_week')}
          onClick={() => setMonday(addDays(monday, 7))}
        >
          <ChevronRight />
        </IconButton>
        <Button label="pd.calendar.today" onClick={() => setMonday(mondayOf(today))} />
        <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
          {translate('pd.calendar.times_in', { zone })}
        </Typography>
        <Button component={Link} to="/consultations" label="pd.consultations.list" />
      </Stack>
      {/* A week is wider than a phone: it scrolls inside this box, which the keyboard can reach and scroll. */}
      <Paper
        variant="outlined"
        component="section"
        tabIndex={0}
        aria-label={translate('pd.calendar.times_in', { zone })}
        sx={{ display: 'grid', gridTemplateColumns: `56px repeat(7, minmax(110px, 1fr))`, overflowX: 'auto' }}
      >
        <Box />
        {days.map((day) => (
          <Typography
            key={day}
            variant="subtitle2"
            component="h3"
            sx={{
              p: 1,
              textAlign: 'center',
              borderLeft: 1,
              borderColor: 'divider',
              fontWeight: day === today ? 700 : 500,
            }}
          >
            {formatDay(day, locale, 'short')}
          </Typography>
        ))}
        <Box sx={{ position: 'relative' }}>
          {hours.map((h) => (
            <Typography
              key={h}
              variant="caption"
              component="div"
              sx={{ height: HOUR_PX, pr: 0.5, textAlign: 'right', borderTop: 1, borderColor: 'divider' }}
            >
              {`${String(h).padStart(2, '0')}:00`}
            </Typography>
          ))}
        </Box>
        {days.map((day) => (
          <Box
            key={day}
            role="list"
            aria-label={formatDay(day, locale, 'long')}
            sx={{
              position: 'relative',
              borderLeft: 1,
              borderColor: 'divider',
              height: hours.length * HOUR_PX,
            }}
          >
            {hours.map((h) => (
              <Box
                key={h}
                sx={{
                  position: 'absolute',
                  top: (h - firstHour) * HOUR_PX,
                  left: 0,
                  right: 0,
                  borderTop: 1,
                  borderColor: 'divider',
                }}
              />
            ))}
            {items
              .filter((c) => dayOf(c.startsAt, zone) === day)
              .map((c) => {
                const start = minuteOfDay(c.startsAt, zone);
                const end = Math.max(start + 15, minuteOfDay(c.endsAt, zone) || 24 * 60);
                return (
                  <Box
                    key={c.id}
                    role="listitem"
                    component={Link}
                    to={`/consultations/${c.id}/show`}
                    data-testid="calendar-event"
                    data-start={localStamp(c.startsAt, zone)}
                    sx={{
                      position: 'absolute',
                      top: ((start - firstHour * 60) / 60) * HOUR_PX,
                      height: Math.max(((end - start) / 60) * HOUR_PX - 2, 34),
                      left: 2,
                      right: 2,
                      overflow: 'hidden',
                      borderRadius: 1,
                      px: 0.5,
                      fontSize: 12,
                      lineHeight: 1.35,
                      zIndex: 1,
                      textDecoration: 'none',
                      color: c.status === 'booked' ? 'primary.contrastText' : 'text.primary',
                      bgcolor:
                        c.status === 'booked' ? (c.isUrgent ? 'warning.dark' : 'primary.main') : 'grey.300',
                    }}
                  >
                    <strong>
                      {formatTime(c.startsAt, zone, locale)}–{formatTime(c.endsAt, zone, locale)}
                    </strong>{' '}
                    {clientName(c)}
                    <br />
                    {c.type.name}
                  </Box>
                );
              })}
          </Box>
        ))}
      </Paper>
    </Box>
  );
}
