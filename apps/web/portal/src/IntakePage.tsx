import { useEffect, useMemo, useState } from 'react';
import {
  isShown,
  sectionProblems,
  validateIntake,
  type IntakeAnswers,
  type IntakeForm,
  type IntakeGroupItem,
  type IntakeProblems,
  type IntakeSection,
} from '@app/intake-forms';
import { ApiError, portalApi, type PortalIntake } from './api';
import { formatInstant, type Lang, type MessageKey, type Translate } from './i18n';
import { answerText, countryOptions, SectionInputs } from './IntakeFields';
import type { Navigate, PageProps } from './main';
import { useHeadingFocus } from './useHeadingFocus';

const formOf = (intake: PortalIntake) => intake.form as unknown as IntakeForm;
const answersOf = (intake: PortalIntake) => intake.answers as IntakeAnswers;
const editable = (intake: PortalIntake) => intake.status !== 'submitted';

/** The file page's card: where the questionnaire stands and the way in. */
export function IntakeCard({ fileId, t, navigate }: { fileId: string; t: Translate; navigate: Navigate }) {
  const [intake, setIntake] = useState<PortalIntake | null>(null);
  useEffect(() => {
    portalApi.intake(fileId).then(setIntake, () => setIntake(null));
  }, [fileId]);
  if (!intake) {
    return null;
  }
  const href = `/portal/files/${encodeURIComponent(fileId)}/intake`;
  const action = !editable(intake) ? 'intakeView' : intake.status === null ? 'intakeStart' : 'intakeContinue';
  return (
    <section aria-labelledby="intake-title" className="card" data-testid="intake-card">
      <h2 id="intake-title">{t('intakeTitle')}</h2>
      <p>
        <span className="badge">{t(`intake_${intake.status ?? 'none'}` as MessageKey)}</span>
      </p>
      <a
        className="button"
        href={href}
        onClick={(e) => {
          e.preventDefault();
          navigate(href);
        }}
      >
        {t(action)}
      </a>
    </section>
  );
}

/** Today in the browser's zone (`YYYY-MM-DD`), for dates that cannot be in the future; the API checks it too. */
const today = () => new Intl.DateTimeFormat('en-CA', { dateStyle: 'short' }).format(new Date());

/** The first step with something missing, so a client coming back lands where they stopped. */
function firstIncompleteStep(form: IntakeForm, answers: IntakeAnswers): number {
  const problems = validateIntake(form, answers, { final: true, today: today() });
  const index = form.sections.findIndex(
    (s) => Object.keys(sectionProblems(form, s.key, problems)).length > 0,
  );
  return index === -1 ? form.sections.length : index;
}

/** The questionnaire, one section per step (phone-first), saved on each step; then a review step and Submit. */
export function IntakePage({ fileId, lang, t, navigate }: PageProps & { fileId: string }) {
  const [intake, setIntake] = useState<PortalIntake | null>(null);
  const [answers, setAnswers] = useState<IntakeAnswers>({});
  const [step, setStep] = useState(0);
  const [problems, setProblems] = useState<IntakeProblems>({});
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | 'submitting'>('idle');
  const [error, setError] = useState<string | null>(null);
  const countries = useMemo(() => countryOptions(lang), [lang]);
  const heading = useHeadingFocus<HTMLHeadingElement>(`${intake?.fileId ?? ''}-${step}-${intake?.status}`);

  useEffect(() => {
    portalApi.intake(fileId).then(
      (loaded) => {
        setIntake(loaded);
        setAnswers(answersOf(loaded));
        setStep(firstIncompleteStep(formOf(loaded), answersOf(loaded)));
      },
      (caught: unknown) =>
        setError(
          caught instanceof ApiError && caught.status === 404 ? t('fileNotFound') : t('somethingWrong'),
        ),
    );
  }, [fileId, t]);

  const fileHref = `/portal/files/${encodeURIComponent(fileId)}`;
  const back = (
    <nav aria-label={t('intakeBackToFile')} className="crumbs">
      <a
        href={fileHref}
        onClick={(e) => {
          e.preventDefault();
          navigate(fileHref);
        }}
      >
        {t('intakeBackToFile')}
      </a>
    </nav>
  );

  if (!intake) {
    return error ? (
      <>
        {back}
        <p className="error" role="alert">
          {error}
        </p>
      </>
    ) : (
      <p role="status">{t('loading')}</p>
    );
  }
  const form = formOf(intake);
  const sections = form.sections;

  if (!editable(intake)) {
    return (
      <>
        {back}
        <h1 ref={heading} tabIndex={-1}>
          {t('intakeReadOnly')}
        </h1>
        <p className="notice" role="status" data-testid="intake-submitted">
          {t('intakeSubmittedNotice', formatInstant(intake.submittedAt ?? '', lang))}
        </p>
        <Summary form={form} answers={answers} lang={lang} t={t} />
      </>
    );
  }

  const save = async (): Promise<boolean> => {
    setState('saving');
    setError(null);
    try {
      const saved = await portalApi.saveIntake(fileId, answers);
      setIntake(saved);
      setState('saved');
      return true;
    } catch (caught) {
      setState('idle');
      setError(
        caught instanceof ApiError && caught.status === 400 ? t('intakeFixErrors') : t('somethingWrong'),
      );
      return false;
    }
  };

  const next = async () => {
    const section = sections[step];
    const drafted = validateIntake(form, answers, { final: false, today: today() });
    const complete = sectionProblems(
      form,
      section.key,
      validateIntake(form, answers, { final: true, today: today() }),
    );
    if (Object.keys(drafted).length > 0) {
      setProblems(drafted);
      setError(t('intakeFixErrors'));
      return;
    }
    if (!(await save())) {
      return;
    }
    setProblems(complete);
    if (Object.keys(complete).length > 0) {
      setError(t('intakeFixErrors'));
      return;
    }
    setStep(step + 1);
    window.scrollTo(0, 0);
  };

  const submit = async () => {
    const all = validateIntake(form, answers, { final: true, today: today() });
    if (Object.keys(all).length > 0) {
      setProblems(all);
      setStep(firstIncompleteStep(form, answers));
      setError(t('intakeFixErrors'));
      return;
    }
    setState('submitting');
    setError(null);
    try {
      const submitted = await portalApi.submitIntake(fileId);
      setIntake(submitted);
      setAnswers(answersOf(submitted));
      setState('idle');
    } catch {
      setState('idle');
      setError(t('somethingWrong'));
    }
  };

  const onReview = step >= sections.length;
  const section: IntakeSection | undefined = sections[step];
  return (
    <>
      {back}
      <p className="muted small">
        {form.title[lang]} · {t('intakeStep', Math.min(step + 1, sections.length + 1), sections.length + 1)}
      </p>
      <progress className="steps" max={sections.length} value={step} aria-hidden="true" />
      <h1 ref={heading} tabIndex={-1}>
        {onReview ? t('intakeReview') : section.title[lang]}
      </h1>
      {step === 0 && <p>{t('intakeIntro')}</p>}
      {intake.status === 'reopened' && <p className="warning">{t('intake_reopened')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {onReview ? (
        <>
          <p>{t('intakeReviewIntro')}</p>
          <Summary form={form} answers={answers} lang={lang} t={t} onEdit={setStep} />
          <div className="row actions">
            <button type="button" className="button secondary" onClick={() => setStep(step - 1)}>
              {t('intakeBack')}
            </button>
            <button
              type="button"
              className="button"
              disabled={state === 'submitting'}
              onClick={() => void submit()}
            >
              {state === 'submitting' ? t('intakeSubmitting') : t('intakeSubmit')}
            </button>
          </div>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void next();
          }}
        >
          {section.help && <p className="hint">{section.help[lang]}</p>}
          <SectionInputs
            items={section.items}
            answers={answers}
            problems={problems}
            lang={lang}
            t={t}
            countries={countries}
            onChange={(key, value) => {
              const changed = { ...answers, [key]: value };
              setAnswers(changed);
              setState('idle');
              // Marked answers are checked again as the client fixes them; nothing new is marked before Next.
              const now = validateIntake(form, changed, { final: true, today: today() });
              const stillMarked = Object.fromEntries(
                Object.entries(now).filter(([path]) => path in problems),
              );
              setProblems(stillMarked);
              if (Object.keys(stillMarked).length === 0) {
                setError(null);
              }
            }}
          />
          <div className="row actions">
            {step > 0 && (
              <button type="button" className="button secondary" onClick={() => setStep(step - 1)}>
                {t('intakeBack')}
              </button>
            )}
            <button type="submit" className="button" disabled={state === 'saving'}>
              {state === 'saving' ? t('intakeSaving') : t('intakeNext')}
            </button>
          </div>
          {state === 'saved' && (
            <p className="muted small" role="status">
              {t('intakeSaved')}
            </p>
          )}
        </form>
      )}
    </>
  );
}

/** Every shown answer by section, with a way back to each step when `onEdit` is given. */
function Summary({
  form,
  answers,
  lang,
  t,
  onEdit,
}: {
  form: IntakeForm;
  answers: IntakeAnswers;
  lang: Lang;
  t: Translate;
  onEdit?: (step: number) => void;
}) {
  return (
    <div className="stack" data-testid="intake-summary">
      {form.sections.map((section, index) => (
        <section key={section.key} className="card" aria-labelledby={`summary-${section.key}`}>
          <h2 id={`summary-${section.key}`}>{section.title[lang]}</h2>
          <dl className="details">
            {section.items
              .filter((item) => isShown(item, answers))
              .map((item) =>
                item.type === 'group' ? (
                  <div key={item.key}>
                    <dt>{item.label[lang]}</dt>
                    <dd>
                      {((answers[item.key] as IntakeGroupItem[] | undefined) ?? []).length === 0
                        ? t('intakeNoAnswer')
                        : ((answers[item.key] as IntakeGroupItem[]) ?? []).map((entry, i) => (
                            <p key={i}>
                              {item.fields
                                .filter(
                                  (field) => entry[field.key] !== undefined && entry[field.key] !== null,
                                )
                                .map((field) => answerText(field, entry[field.key], lang, t))
                                .join(' · ')}
                            </p>
                          ))}
                    </dd>
                  </div>
                ) : (
                  <div key={item.key}>
                    <dt>{item.label[lang]}</dt>
                    <dd>{answerText(item, answers[item.key], lang, t)}</dd>
                  </div>
                ),
              )}
          </dl>
          {onEdit && (
            <button type="button" className="link" onClick={() => onEdit(index)}>
              {t('intakeEdit')} <span className="sr-only">{section.title[lang]}</span>
            </button>
          )}
        </section>
      ))}
    </div>
  );
}
