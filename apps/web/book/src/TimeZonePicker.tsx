import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import type { Lang, Translate } from './i18n';
import { REGIONS, searchZones, zoneLabel, zoneOptions, type ZoneOption } from './zones';

/** The most options shown at once while nothing is typed is every zone; a search shows what matches. */
const MAX_SHOWN = 500;

/**
 * A searchable time-zone picker (WAI-ARIA combobox with a grouped listbox): type a city or a country in English
 * or French, or an offset; arrows move, Enter picks, Escape closes. The detected zone comes first; the others are
 * grouped by region, each with its city, country and current UTC offset.
 */
export function TimeZonePicker({
  value,
  detected,
  onChange,
  lang,
  t,
}: {
  value: string;
  detected: string;
  onChange: (zone: string) => void;
  lang: Lang;
  t: Translate;
}) {
  const id = useId();
  const listId = `${id}-list`;
  const options = useMemo(() => zoneOptions(lang, new Date(), value, detected), [lang, value, detected]);
  const selected = options.find((o) => o.zone === value);
  const label = selected ? zoneLabel(selected) : value;
  const [text, setText] = useState<string | null>(null); // null: not editing (the field shows the selection)
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState<string | null>(null);

  const query = text ?? '';
  const matches = useMemo(() => searchZones(options, query).slice(0, MAX_SHOWN), [options, query]);
  const detectedOption = options.find((o) => o.zone === detected);
  // The detected zone first (when it matches), then each region's zones.
  const groups: { key: string; title: string; items: ZoneOption[] }[] = [];
  if (detectedOption && matches.includes(detectedOption)) {
    groups.push({ key: 'detected', title: t('detectedZone'), items: [detectedOption] });
  }
  for (const region of REGIONS) {
    const items = matches.filter((o) => o.region === region && o.zone !== detected);
    if (items.length > 0) {
      groups.push({ key: region, title: t(`region_${region}`), items });
    }
  }
  const flat = groups.flatMap((g) => g.items);
  const optionId = (zone: string) => `${id}-opt-${zone.replace(/[^A-Za-z0-9_-]/g, '-')}`;

  const close = () => {
    setOpen(false);
    setText(null);
    setActive(null);
  };
  const pick = (zone: string) => {
    onChange(zone);
    close();
  };
  const move = (step: number) => {
    if (flat.length === 0) {
      return;
    }
    const index = active ? flat.findIndex((o) => o.zone === active) : -1;
    const next = flat[(index + step + flat.length) % flat.length] ?? flat[0];
    setActive(next.zone);
    document.getElementById(optionId(next.zone))?.scrollIntoView({ block: 'nearest' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!open) {
        setOpen(true);
        setActive(value);
        return;
      }
      move(event.key === 'ArrowDown' ? 1 : -1);
    } else if (event.key === 'Enter' && open) {
      event.preventDefault();
      if (active) {
        pick(active);
      }
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="zone-picker">
      <label className="field zone-label" htmlFor={`${id}-input`}>
        <span>{t('timeZone')}</span>
      </label>
      <div className="combo">
        <input
          id={`${id}-input`}
          name="timezone"
          type="text"
          role="combobox"
          autoComplete="off"
          spellCheck={false}
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-activedescendant={open && active ? optionId(active) : undefined}
          aria-describedby={`${id}-help`}
          data-zone={value}
          value={text ?? label}
          onFocus={(e) => e.currentTarget.select()}
          onClick={() => {
            if (!open) {
              setOpen(true);
              setActive(value);
            }
          }}
          onChange={(e) => {
            const typed = e.target.value;
            setText(typed);
            setOpen(true);
            // The first match is active, so Enter picks it: the detected zone when it matches, else the first.
            const found = searchZones(options, typed);
            setActive((found.find((o) => o.zone === detected) ?? found[0])?.zone ?? null);
          }}
          onKeyDown={onKeyDown}
          onBlur={close}
        />
        <div id={listId} role="listbox" aria-label={t('timeZone')} className="zone-list" hidden={!open}>
          {open &&
            groups.map((group) => (
              <div role="group" key={group.key} aria-labelledby={`${id}-group-${group.key}`}>
                <div role="presentation" className="zone-group" id={`${id}-group-${group.key}`}>
                  {group.title}
                </div>
                {group.items.map((o) => (
                  <div
                    key={o.zone}
                    id={optionId(o.zone)}
                    role="option"
                    aria-selected={o.zone === value}
                    className={`zone-option${o.zone === active ? ' active' : ''}`}
                    data-zone={o.zone}
                    // Keeps the focus in the field, so the click lands before the blur closes the list.
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => pick(o.zone)}
                  >
                    <span>
                      {o.city}
                      {o.country && o.country !== o.city && <span className="muted">, {o.country}</span>}
                    </span>
                    <span className="offset">{o.offset}</span>
                  </div>
                ))}
              </div>
            ))}
          {open && flat.length === 0 && (
            <div className="zone-empty" role="presentation">
              {t('noZone')}
            </div>
          )}
        </div>
      </div>
      <p id={`${id}-help`} className="muted hint">
        {t('zoneHelp')}
      </p>
      <p role="status" className="sr-only">
        {open && text !== null ? t('zoneMatches', flat.length) : ''}
      </p>
    </div>
  );
}
