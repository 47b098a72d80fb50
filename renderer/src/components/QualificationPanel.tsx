import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { CheckView } from '../../../main/contract/channels/check';
import { ageOn, formatCalendarDate, oqsDateToIso } from '../format/dates';

export type Qualification = NonNullable<CheckView['result']>['qualification'];

/** OQS codes the clerk reads as words; an unknown code is shown as it came, never guessed. */
function coded(t: TFunction, group: string, code: string | undefined): string {
  if (code === undefined || code === '') return t('result.none');
  return t(`result.codes.${group}.${code}`, { defaultValue: code });
}

/** "030" (OQS: 3-digit percent) → 3割. */
function ratioText(t: TFunction, ratio: string | undefined): string {
  if (!ratio || !/^\d{3}$/.test(ratio)) return t('result.ratioUnknown');
  return t('result.ratio', { tenths: Number(ratio) / 10 });
}

function dateText(t: TFunction, oqsDate: string | undefined): string {
  const iso = oqsDateToIso(oqsDate);
  return iso ? formatCalendarDate(iso) : oqsDate || t('result.none');
}

/** Every qualification field, labelled in Japanese, for the clerk only. */
export function QualificationPanel({ qualification: q, onDate }: { qualification: Qualification; onDate: string }) {
  const { t } = useTranslation();
  const birthIso = oqsDateToIso(q.Birthdate);
  const rows: Array<[string, string, string]> = [
    ['validity', t('result.validity'), coded(t, 'validity', q.QualificationValidity)],
    ['name', t('result.name'), q.Name],
    ['kana', t('result.kana'), q.NameKana || t('result.none')],
    ['sex', t('result.sex'), coded(t, 'sex', q.Sex1)],
    ['birthdate', t('result.birthdate'), birthIso ? `${formatCalendarDate(birthIso)} ${t('result.age', { age: ageOn(birthIso, onDate) })}` : q.Birthdate],
    ['insurer-number', t('result.insurerNumber'), q.InsurerNumber.trim()],
    ['insurer-name', t('result.insurerName'), q.InsurerName || t('result.none')],
    ['symbol-number', t('result.symbolNumber'), [q.InsuredCardSymbol || '—', q.InsuredIdentificationNumber, q.InsuredBranchNumber || '—'].join('・')],
    ['family', t('result.family'), coded(t, 'family', q.PersonalFamilyClassification)],
    ['ratio', t('result.ratioLabel'), ratioText(t, q.InsuredPartialContributionRatio)],
    ['expiry', t('result.expiry'), dateText(t, q.InsuredCardExpirationDate)],
  ];
  return (
    <dl className="facts" data-testid="qualification">
      {rows.map(([id, label, value]) => (
        <div key={id} className="fact-row">
          <dt>{label}</dt>
          <dd data-testid={`q-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
