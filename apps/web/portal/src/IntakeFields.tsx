import {
  COUNTRY_CODES,
  INTAKE_PROBLEM_MESSAGES,
  isShown,
  type IntakeAnswers,
  type IntakeField,
  type IntakeGroup,
  type IntakeGroupItem,
  type IntakeItem,
  type IntakeProblems,
  type IntakeValue,
} from '@app/intake-forms';
import { formatDay, type Lang, type Translate } from './i18n';

/** Country names in the client's language, sorted by name. */
export function countryOptions(lang: Lang): { code: string; name: string }[] {
  const names = new Intl.DisplayNames([lang], { type: 'region' });
  return COUNTRY_CODES.map((code) => ({ code, name: names.of(code) ?? code })).sort((a, b) =>
    a.name.localeCompare(b.name, lang),
  );
}

const inputId = (path: string) => `intake-${path.replace(/\./g, '-')}`;

function FieldInput({
  field,
  path,
  value,
  problem,
  lang,
  t,
  countries,
  onChange,
}: {
  field: IntakeField;
  path: string;
  value: IntakeValue | undefined;
  problem: string | undefined;
  lang: Lang;
  t: Translate;
  countries: { code: string; name: string }[];
  onChange: (value: IntakeValue) => void;
}) {
  const id = inputId(path);
  const errorId = `${id}-error`;
  const helpId = `${id}-help`;
  const described =
    [field.help ? helpId : null, problem ? errorId : null].filter(Boolean).join(' ') || undefined;
  const common = {
    id,
    name: path,
    'aria-invalid': problem !== undefined,
    'aria-describedby': described,
    required: field.required,
  };
  const text = typeof value === 'string' ? value : '';
  const label = (
    <>
      {field.label[lang]}
      {!field.required && <span className="muted"> {t('intakeOptional')}</span>}
    </>
  );
  let control;
  switch (field.type) {
    case 'text':
      control = <input type="text" {...common} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'textarea':
      control = <textarea {...common} rows={4} value={text} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'date':
      control = (
        <input type="date" {...common} value={text} onChange={(e) => onChange(e.target.value || null)} />
      );
      break;
    case 'select':
    case 'country':
      control = (
        <select {...common} value={text} onChange={(e) => onChange(e.target.value || null)}>
          <option value="">{t('intakeChoose')}</option>
          {field.type === 'select'
            ? field.options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label[lang]}
                </option>
              ))
            : countries.map((country) => (
                <option key={country.code} value={country.code}>
                  {country.name}
                </option>
              ))}
        </select>
      );
      break;
    case 'yesNo':
      return (
        <fieldset className="field yes-no" aria-describedby={described}>
          <legend>{label}</legend>
          {field.help && (
            <p id={helpId} className="hint">
              {field.help[lang]}
            </p>
          )}
          <div className="row">
            {[true, false].map((answer) => (
              <label key={String(answer)} className="choice">
                <input
                  type="radio"
                  name={path}
                  checked={value === answer}
                  aria-invalid={problem !== undefined}
                  onChange={() => onChange(answer)}
                />
                {answer ? t('intakeYes') : t('intakeNo')}
              </label>
            ))}
          </div>
          {problem && (
            <p id={errorId} className="error">
              {problem}
            </p>
          )}
        </fieldset>
      );
  }
  return (
    <div className="field">
      <label htmlFor={id}>
        <span>{label}</span>
      </label>
      {field.help && (
        <p id={helpId} className="hint">
          {field.help[lang]}
        </p>
      )}
      {control}
      {problem && (
        <p id={errorId} className="error">
          {problem}
        </p>
      )}
    </div>
  );
}

function GroupInput({
  group,
  entries,
  problems,
  lang,
  t,
  countries,
  onChange,
}: {
  group: IntakeGroup;
  entries: IntakeGroupItem[];
  problems: IntakeProblems;
  lang: Lang;
  t: Translate;
  countries: { code: string; name: string }[];
  onChange: (entries: IntakeGroupItem[]) => void;
}) {
  const own = problems[group.key];
  return (
    <fieldset className="field group">
      <legend>{group.label[lang]}</legend>
      {group.help && <p className="hint">{group.help[lang]}</p>}
      {entries.map((entry, index) => (
        <div key={index} className="card group-entry">
          <p className="small muted">{t('intakeEntry', index + 1)}</p>
          {group.fields
            .filter((field) => isShown(field, entry))
            .map((field) => {
              const path = `${group.key}.${index}.${field.key}`;
              const problem = problems[path];
              return (
                <FieldInput
                  key={field.key}
                  field={field}
                  path={path}
                  value={entry[field.key]}
                  problem={problem ? INTAKE_PROBLEM_MESSAGES[problem][lang] : undefined}
                  lang={lang}
                  t={t}
                  countries={countries}
                  onChange={(value) =>
                    onChange(entries.map((e, i) => (i === index ? { ...e, [field.key]: value } : e)))
                  }
                />
              );
            })}
          <button
            type="button"
            className="link"
            onClick={() => onChange(entries.filter((_, i) => i !== index))}
          >
            {t('intakeRemove', index + 1)}
          </button>
        </div>
      ))}
      {entries.length < group.maxItems && (
        <button type="button" className="button secondary" onClick={() => onChange([...entries, {}])}>
          {t('intakeAdd')}
        </button>
      )}
      {own && <p className="error">{INTAKE_PROBLEM_MESSAGES[own][lang]}</p>}
    </fieldset>
  );
}

/** The questions of one section, as inputs; hidden questions (their condition unmet) are not shown. */
export function SectionInputs({
  items,
  answers,
  problems,
  lang,
  t,
  countries,
  onChange,
}: {
  items: readonly IntakeItem[];
  answers: IntakeAnswers;
  problems: IntakeProblems;
  lang: Lang;
  t: Translate;
  countries: { code: string; name: string }[];
  onChange: (key: string, value: IntakeAnswers[string]) => void;
}) {
  return (
    <>
      {items
        .filter((item) => isShown(item, answers))
        .map((item) =>
          item.type === 'group' ? (
            <GroupInput
              key={item.key}
              group={item}
              entries={Array.isArray(answers[item.key]) ? (answers[item.key] as IntakeGroupItem[]) : []}
              problems={problems}
              lang={lang}
              t={t}
              countries={countries}
              onChange={(entries) => onChange(item.key, entries)}
            />
          ) : (
            <FieldInput
              key={item.key}
              field={item}
              path={item.key}
              value={answers[item.key] as IntakeValue | undefined}
              problem={problems[item.key] ? INTAKE_PROBLEM_MESSAGES[problems[item.key]][lang] : undefined}
              lang={lang}
              t={t}
              countries={countries}
              onChange={(value) => onChange(item.key, value)}
            />
          ),
        )}
    </>
  );
}

/** An answer in words, for the review step and the read-only view. */
export function answerText(field: IntakeField, value: unknown, lang: Lang, t: Translate): string {
  if (typeof value !== 'string' && typeof value !== 'boolean') {
    return t('intakeNoAnswer');
  }
  if (value === '') {
    return t('intakeNoAnswer');
  }
  switch (field.type) {
    case 'yesNo':
      return value ? t('intakeYes') : t('intakeNo');
    case 'date':
      return formatDay(String(value), lang);
    case 'select':
      return field.options.find((option) => option.value === value)?.label[lang] ?? String(value);
    case 'country':
      return new Intl.DisplayNames([lang], { type: 'region' }).of(String(value)) ?? String(value);
    default:
      return String(value);
  }
}
