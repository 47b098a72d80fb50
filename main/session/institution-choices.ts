/**
 * What the institution's administrator enabled on the 資格確認端末 (consent items, 電子処方箋), as
 * this cart's settings hold it. The gateway refuses consent for an item the institution has not
 * enabled, so the cart takes these from the gateway at activation rather than guessing.
 */
import { CONSENT_ITEM_INFO, CONSENT_ITEMS } from '../check/consent-items';
import type { Settings } from '../contract/channels/settings';
import { AppError } from '../contract/errors';
import type { InstitutionSettings } from '../oqs/consent';

export type InstitutionChoices = Pick<Settings, 'enabledConsentItems' | 'electronicPrescription'>;

export function institutionChoicesOf(institution: InstitutionSettings): InstitutionChoices {
  const list = institution.ConsentItemList as Record<string, string>;
  const enabledConsentItems = CONSENT_ITEMS.filter((item) => list[CONSENT_ITEM_INFO[item].oqsElement] === '1');
  if (enabledConsentItems.length === 0) {
    throw new AppError(
      'INSTITUTION_NO_CONSENT_ITEMS',
      '資格確認端末で同意取得の項目が1つも有効になっていません。管理者が資格確認端末の設定で項目を有効にしてから、もう一度登録してください。',
    );
  }
  return { enabledConsentItems, electronicPrescription: institution.ElectronicPrescriptionUse === '1' };
}
