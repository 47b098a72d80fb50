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

/** 3割（一般）, or for 医療扶助 and an undetermined 後期高齢 ratio, where to read it instead. */
function burdenText(t: TFunction, burden: Qualification['burden']): string {
  const basis = t(`result.burdenBasis.${burden.basis}`);
  const text = burden.percent === null ? t(`result.burdenElsewhere.${burden.basis}`, { defaultValue: basis }) : t('result.burden', { tenths: burden.percent / 10, basis });
  return burden.needsConfirmation ? `${text}${t('result.confirmWithCertificate')}` : text;
}

function dateText(t: TFunction, oqsDate: string | undefined): string {
  const iso = oqsDateToIso(oqsDate);
  return iso ? formatCalendarDate(iso) : oqsDate || t('result.none');
}

function limitText(t: TFunction, limit: Qualification['limitCertificate']): string {
  if (!limit) return t('result.none');
  return limit.validUntil ? t('result.limitUntil', { classification: limit.classification, until: dateText(t, limit.validUntil) }) : limit.classification;
}

function diseasesText(t: TFunction, diseases: Qualification['specificDiseases']): string {
  if (diseases.length === 0) return t('result.none');
  return diseases.map((d) => (d.selfPay ? t('result.diseaseWithCap', { category: d.category, selfPay: Number(d.selfPay).toLocaleString('ja-JP') }) : d.category)).join('／');
}

function ticketsText(t: TFunction, tickets: Qualification['medicalTickets']): string {
  if (tickets.length === 0) return t('result.none');
  return tickets
    .map((ticket) =>
      t('result.ticket', {
        type: ticket.type,
        issue: ticket.issueNumber ?? '—',
        from: dateText(t, ticket.validFrom),
        until: dateText(t, ticket.validUntil),
        selfPay: ticket.selfPayAmount ? Number(ticket.selfPayAmount).toLocaleString('ja-JP') : '0',
      }),
    )
    .join('／');
}

/** Every qualification field, labelled in Japanese, for the clerk only. */
export function QualificationPanel({ qualification: q, onDate }: { qualification: Qualification; onDate: string }) {
  const { t } = useTranslation();
  const birthIso = oqsDateToIso(q.Birthdate);
  const rows: Array<[string, string, string]> = [
    ['validity', t('result.validity'), coded(t, 'validity', q.QualificationValidity)],
    ['name', t('result.name'), q.Name],
    ['kana', t('result.kana'), q.NameKana || t('result.none')],
    ...(q.NameOfOther ? [['other-name', t('result.otherName'), q.NameOfOtherKana ? `${q.NameOfOther}（${q.NameOfOtherKana}）` : q.NameOfOther] as [string, string, string]] : []),
    ['sex', t('result.sex'), coded(t, 'sex', q.Sex1)],
    ['birthdate', t('result.birthdate'), birthIso ? `${formatCalendarDate(birthIso)} ${t('result.age', { age: ageOn(birthIso, onDate) })}` : q.Birthdate],
    ['insurer-number', t('result.insurerNumber'), q.InsurerNumber.trim()],
    ['insurer-name', t('result.insurerName'), q.InsurerName || t('result.none')],
    ['symbol-number', t('result.symbolNumber'), [q.InsuredCardSymbol || '—', q.InsuredIdentificationNumber, q.InsuredBranchNumber || '—'].join('・')],
    ['address', t('result.address'), q.Address ? `${q.PostNumber ? `〒${q.PostNumber} ` : ''}${q.Address}` : t('result.none')],
    ['family', t('result.family'), coded(t, 'family', q.PersonalFamilyClassification)],
    ['ratio', t('result.ratioLabel'), burdenText(t, q.burden)],
    ['expiry', t('result.expiry'), dateText(t, q.InsuredCardExpirationDate)],
    ['limit', t('result.limit'), limitText(t, q.limitCertificate)],
    ['diseases', t('result.specificDiseases'), diseasesText(t, q.specificDiseases)],
    ...(q.medicalTickets.length > 0 ? [['tickets', t('result.medicalTickets'), ticketsText(t, q.medicalTickets)] as [string, string, string]] : []),
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
