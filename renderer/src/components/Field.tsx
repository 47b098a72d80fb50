import { useId, type InputHTMLAttributes } from 'react';
import { useTranslation } from 'react-i18next';

/** What is wrong with a field, as a locale key and its values; null when nothing is. */
export type FieldProblem = { key: string; values?: Record<string, number> } | null;

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  label: string;
  hint?: string;
  problem?: FieldProblem;
}

/** A labelled text field with its hint and, while typing, what is wrong with it. */
export function Field({ label, hint, problem, ...input }: FieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const described = [hint ? `${id}-hint` : '', problem ? `${id}-problem` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-invalid={problem ? true : undefined} aria-describedby={described} {...input} />
      {hint && (
        <small id={`${id}-hint`} className="hint">
          {hint}
        </small>
      )}
      {problem && (
        <small id={`${id}-problem`} className="field-error" role="status">
          {t(problem.key, problem.values)}
        </small>
      )}
    </div>
  );
}
