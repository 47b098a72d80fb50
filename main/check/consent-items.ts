/**
 * The medical-information items a patient consents to, each named after the OQS result element
 * that carries its flag (`<Element>ConsFlg`, `…ConsTime`, `…AvailableTime`). 手術情報 is its own item.
 * Only the items the institution has enabled are ever shown.
 */
export const CONSENT_ITEMS = ['diagnosis', 'medication', 'checkup', 'operation'] as const;
export type ConsentItem = (typeof CONSENT_ITEMS)[number];

export const CONSENT_ITEM_INFO: Readonly<Record<ConsentItem, { label: string; oqsElement: string }>> = {
  diagnosis: { label: '診療情報', oqsElement: 'DiagnosisInfo' },
  medication: { label: '薬剤情報', oqsElement: 'PharmacistsInfo' },
  checkup: { label: '特定健診情報', oqsElement: 'SpecificHealthCheckupsInfo' },
  operation: { label: '手術情報', oqsElement: 'OperationInfo' },
};

/** The patient's answer per enabled item; null until chosen. */
export type ConsentDraft = Partial<Record<ConsentItem, boolean | null>>;

/** Who pressed the buttons: the patient, or a clerk entering the patient's answer while showing the screen. */
export type ConsentEnteredBy = 'patient' | 'staff';

export function emptyDraft(enabled: readonly ConsentItem[]): ConsentDraft {
  return Object.fromEntries(enabled.map((item) => [item, null])) as ConsentDraft;
}

export function fillDraft(enabled: readonly ConsentItem[], agreed: boolean): ConsentDraft {
  return Object.fromEntries(enabled.map((item) => [item, agreed])) as ConsentDraft;
}

export function draftComplete(draft: ConsentDraft): boolean {
  return Object.values(draft).every((v) => typeof v === 'boolean');
}

/** The final answer, in the order of CONSENT_ITEMS. */
export function draftChoices(draft: ConsentDraft): Array<{ item: ConsentItem; agreed: boolean }> {
  return CONSENT_ITEMS.filter((item) => typeof draft[item] === 'boolean').map((item) => ({ item, agreed: draft[item] === true }));
}
