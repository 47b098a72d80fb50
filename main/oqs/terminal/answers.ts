/**
 * Answer files (res): read into typed records and written back in the same fixed order (the
 * simulator and the レセコン export write with the same layouts the client reads with).
 */
import { decodeXml, type XmlEncoding } from './encoding';
import {
  BULK_UNIT, PROCESSING_RESULT, RECEPTION_BODY, REFERENCE_REGISTRATION, REFERENCE_UNIT, REFERENCE_UNIT_NAME,
  RESULT_HEADER, SEARCH_INFO, SINGLE_RESULT_BODY, type ResultHeader,
} from './elements';
import { TerminalErrors } from './errors';
import type { Layout, LooseRecord, RecordOf } from './layout';
import { readRecord } from './record-read';
import { childNamed, DEFAULT_XML_LIMITS, parseXml, type XmlLimits } from './xml-read';
import { renderMessage, writeFields } from './xml-write';

/** 照会番号登録 (single) and 閲覧同意取り消し: a status and the echo of what was sent. */
export const PROCESSING_BODY = [
  ...PROCESSING_RESULT,
  { group: 'QualificationConfirmSearchInfo', layout: SEARCH_INFO },
  { group: 'ReferenceNumberRegistrationInfo', layout: REFERENCE_REGISTRATION },
] as const satisfies Layout;
export const BULK_BODY = [{ repeat: 'BulkConfirmUnit', layout: BULK_UNIT }] as const satisfies Layout;
export const REFERENCE_BULK_BODY = [{ repeat: REFERENCE_UNIT_NAME, layout: REFERENCE_UNIT }] as const satisfies Layout;

export const ANSWER_BODIES = {
  qualification: SINGLE_RESULT_BODY,
  processing: PROCESSING_BODY,
  reception: RECEPTION_BODY,
  bulkQualification: BULK_BODY,
  bulkReference: REFERENCE_BULK_BODY,
} as const;
export type AnswerShape = keyof typeof ANSWER_BODIES;

export interface Answer<S extends AnswerShape> {
  readonly header: ResultHeader;
  readonly body: RecordOf<(typeof ANSWER_BODIES)[S]>;
  /** The encoding the file declared. */
  readonly encoding: XmlEncoding;
}

export type QualificationAnswer = Answer<'qualification'>;
export type ProcessingAnswer = Answer<'processing'>;
export type ReceptionAnswer = Answer<'reception'>;
export type BulkAnswer = Answer<'bulkQualification'>;
export type BulkReferenceAnswer = Answer<'bulkReference'>;

/** Bytes of one XML answer → typed answer; malformed or hostile input is an AppError. */
export function readAnswer<S extends AnswerShape>(shape: S, bytes: Uint8Array, limits: XmlLimits = DEFAULT_XML_LIMITS): Answer<S> {
  const { text, encoding } = decodeXml(bytes);
  const root = parseXml(text, limits);
  const header = childNamed(root, 'MessageHeader');
  const body = childNamed(root, 'MessageBody');
  if (root.name !== 'XmlMsg' || !header) throw TerminalErrors.malformed(`expected XmlMsg/MessageHeader, got ${root.name.slice(0, 40)}`);
  const headerRecord = readRecord(header, RESULT_HEADER) as ResultHeader;
  // An error answer (SegmentOfResult 9) may come without a body.
  const bodyRecord = body ? readRecord(body, ANSWER_BODIES[shape]) : {};
  return { header: headerRecord, body: bodyRecord as Answer<S>['body'], encoding };
}

/** Several XML files of one zipped batch answer become one: the first header, all units. */
export function mergeBulkAnswers<S extends 'bulkQualification' | 'bulkReference'>(shape: S, parts: readonly Answer<S>[]): Answer<S> {
  const [first] = parts;
  if (!first) throw TerminalErrors.malformed('zip held no XML answer');
  const unitName = ANSWER_BODIES[shape][0].repeat;
  const units = parts.flatMap((p) => ((p.body as LooseRecord)[unitName] as LooseRecord[] | undefined) ?? []);
  return { ...first, body: { [unitName]: units } as Answer<S>['body'] };
}

/** The answer as OQS writes it, in fixed element order. */
export function renderAnswer<S extends AnswerShape>(shape: S, header: ResultHeader, body: Answer<S>['body'], encoding: XmlEncoding): string {
  return renderMessage({
    header: { layout: RESULT_HEADER, record: header as LooseRecord },
    body: (out, depth) => writeFields(out, body as LooseRecord, ANSWER_BODIES[shape], depth),
  }, encoding);
}
