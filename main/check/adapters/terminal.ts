/**
 * The terminal port over the 資格確認端末 folder interface client (main/oqs/terminal): the 再照会
 * of a 訪問診療等 patient by insurance identifiers, and the single 照会番号 registration.
 */
import { AppError } from '../../contract/errors';
import type { TerminalClient } from '../../oqs/terminal/client';
import type { QualificationRecord } from '../../oqs/terminal/elements';
import { CONSENT_ITEMS, CONSENT_ITEM_INFO } from '../consent-items';
import { qualificationView } from '../qualification-view';
import type { ConsentStatus, InsuranceIdentifiers, PortOrigin, QualificationResult, TerminalPort } from '../ports';

const CONS_FLAGS = new Set(['0', '1', '2', '3']);

/** OQS YYYYMMDDHHmmss (Tokyo) as ISO 8601 with +09:00, or null. */
function oqsTimeToIso(value: string | undefined): string | null {
  const m = value === undefined ? null : /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}+09:00` : null;
}

function consentStatusOf(record: QualificationRecord): ConsentStatus[] {
  const fields = record as Record<string, unknown>;
  return CONSENT_ITEMS.flatMap((item) => {
    const element = CONSENT_ITEM_INFO[item].oqsElement;
    const flag = fields[`${element}ConsFlg`];
    if (typeof flag !== 'string' || !CONS_FLAGS.has(flag)) return [];
    const until = fields[`${element}AvailableTime`];
    return [{ item, consFlg: flag as ConsentStatus['consFlg'], availableUntil: oqsTimeToIso(typeof until === 'string' ? until : undefined) }];
  });
}

const noQualification = () =>
  new AppError('OQS_NO_QUALIFICATION', '資格情報が見つかりませんでした。保険者番号・記号・番号・生年月日をご確認ください。見つからない場合は資格確認書などで確認してください。');

export function terminalAdapter(client: TerminalClient, origin: PortOrigin): TerminalPort {
  const search = (ids: InsuranceIdentifiers) => ({
    InsurerNumber: ids.InsurerNumber,
    InsuredCardSymbol: ids.InsuredCardSymbol,
    InsuredIdentificationNumber: ids.InsuredIdentificationNumber,
    InsuredBranchNumber: ids.InsuredBranchNumber,
  });
  return {
    origin,
    async reinquire({ identifiers, treatmentDate }): Promise<QualificationResult> {
      const { answer } = await client.confirm('homeVisitQualification', { ...search(identifiers), Birthdate: identifiers.Birthdate });
      const record = answer.body.ResultList?.[0];
      if (!record?.Name || !record.InsurerNumber || !record.InsuredIdentificationNumber || !record.Birthdate) throw noQualification();
      return {
        registrationId: null,
        qualification: qualificationView(
          { ...record, Name: record.Name, Birthdate: record.Birthdate, InsurerNumber: record.InsurerNumber, InsuredIdentificationNumber: record.InsuredIdentificationNumber },
          answer.body.QualificationValidity ?? '',
          treatmentDate,
        ),
        consentStatus: consentStatusOf(record),
      };
    },
    async registerReferenceNumber({ identifiers, referenceNumber }) {
      const { answer } = await client.registerReferenceNumber({ ReferenceNumber: referenceNumber, ...search(identifiers) });
      // A result file is not success by itself: ProcessingResultStatus 2 is a refusal.
      const status = (answer.body as { ProcessingResultStatus?: string }).ProcessingResultStatus;
      if (status !== '1') {
        throw new AppError('OQS_REFERENCE_REFUSED', '照会番号を登録できませんでした。保険者番号・記号・番号をご確認ください。', `ProcessingResultStatus=${String(status).slice(0, 4)}`);
      }
    },
  };
}
