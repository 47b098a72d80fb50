/**
 * The レセコン side of the 資格確認端末 folder interface: writes a request into req, waits for the
 * answer in res, and returns it as typed records. It works unchanged against a real terminal's
 * shared folder; the simulator only stands in for the terminal.
 */
import { randomBytes } from 'node:crypto';
import { formatOffsetIso } from '../../common/tokyo-time';
import { mergeBulkAnswers, readAnswer, type Answer, type AnswerShape } from './answers';
import type { ReferenceRegistration, SearchInfo } from './elements';
import { encodeText, type XmlEncoding } from './encoding';
import { TerminalErrors } from './errors';
import { answerFileNames, FILE_KINDS, prefixOf, requestFileName, type FileKind, type FileNamePrefixes, type FileStep } from './file-kinds';
import { DEFAULT_MAX_ANSWER_BYTES, DEFAULT_RENAME_RETRY, waitForAnswer, writeAtomically, type RetryPolicy } from './folder-io';
import { buildDownloadRequest, buildReferenceRequest, buildSearchRequest, type InsurerPadding, type RequestHeader } from './requests';
import { DEFAULT_XML_LIMITS, type XmlLimits } from './xml-read';
import { DEFAULT_ZIP_LIMITS, unzipXmlEntries, type ZipLimits } from './zip';

export interface TerminalClientOptions {
  readonly requestDir: string;
  readonly resultDir: string;
  readonly medicalInstitutionCode: string;
  /** Encoding of the requests we write; answers are read per their own declaration. */
  readonly encoding?: XmlEncoding;
  readonly insurerPadding?: InsurerPadding;
  readonly answerTimeoutMs?: number;
  readonly pollMs?: number;
  readonly settleMs?: number;
  readonly fileNamePrefixes?: FileNamePrefixes;
  /** A tag that keeps file names of several carts sharing one terminal apart. */
  readonly machineTag?: string;
  readonly renameRetry?: RetryPolicy;
  readonly renameFile?: (from: string, to: string) => Promise<void>;
  readonly xmlLimits?: XmlLimits;
  readonly zipLimits?: ZipLimits;
  readonly maxAnswerBytes?: number;
  readonly now?: () => Date;
}

/** One answered exchange: the typed answer, the answer bytes as received, and warnings. */
export interface Exchange<S extends AnswerShape> {
  readonly answer: Answer<S>;
  /** The XML answer file(s) exactly as the terminal wrote them (unzipped), for the レセコン export. */
  readonly rawXml: readonly Buffer[];
  readonly requestFile: string;
  readonly answerFile: string;
  /** Characters of the request that Shift_JIS could not hold and were sent as 〓. */
  readonly replacedCharacters: number;
}

export type BatchDownload<S extends AnswerShape> = { readonly state: 'processing'; readonly answerFile: string } | ({ readonly state: 'done' } & Exchange<S>);

let sequence = 0;

export class TerminalClient {
  private readonly o: Required<Omit<TerminalClientOptions, 'renameFile'>> & Pick<TerminalClientOptions, 'renameFile'>;

  constructor(options: TerminalClientOptions) {
    this.o = {
      encoding: 'Shift_JIS', insurerPadding: 'space', answerTimeoutMs: 60_000, pollMs: 500, settleMs: 50,
      fileNamePrefixes: {}, machineTag: randomBytes(2).toString('hex'), renameRetry: DEFAULT_RENAME_RETRY,
      xmlLimits: DEFAULT_XML_LIMITS, zipLimits: DEFAULT_ZIP_LIMITS, maxAnswerBytes: DEFAULT_MAX_ANSWER_BYTES, now: () => new Date(), ...options,
    };
    if (!/^[A-Za-z0-9]{0,16}$/.test(this.o.machineTag)) throw TerminalErrors.invalidRequest('machineTag: up to 16 letters or digits');
  }

  /** The header every request carries, dated today in Tokyo. */
  header(arbitraryFileIdentifier?: string): RequestHeader {
    const today = formatOffsetIso(this.o.now()).slice(0, 10).replaceAll('-', '');
    return { QualificationConfirmationDate: today, MedicalInstitutionCode: this.o.medicalInstitutionCode, ArbitraryFileIdentifier: arbitraryFileIdentifier };
  }

  /** 資格確認 (single), 資格確認（訪問診療等／オンライン診療等）: one person, one answer. */
  async confirm(kind: 'qualification' | 'homeVisitQualification' | 'onlineQualification', search: SearchInfo): Promise<Exchange<'qualification'>> {
    const xml = buildSearchRequest(kind, this.header(), [search], this.o.encoding, this.o.insurerPadding);
    return this.exchange(kind, '01', xml, 'qualification');
  }

  /** 閲覧同意取り消し（訪問診療等）. */
  async cancelConsent(search: SearchInfo): Promise<Exchange<'processing'>> {
    const xml = buildSearchRequest('consentCancellation', this.header(), [search], this.o.encoding, this.o.insurerPadding);
    return this.exchange('consentCancellation', '01', xml, 'processing');
  }

  /** 照会番号登録 (single). */
  async registerReferenceNumber(info: ReferenceRegistration): Promise<Exchange<'processing'>> {
    const xml = buildReferenceRequest('referenceRegistration', this.header(), [info], this.o.encoding, this.o.insurerPadding);
    return this.exchange('referenceRegistration', '01', xml, 'processing');
  }

  /** Step 1 of a batch kind: upload, answered with a ReceptionNumber. */
  async uploadBatch(kind: FileKind, records: readonly SearchInfo[] | readonly ReferenceRegistration[]): Promise<Exchange<'reception'> & { receptionNumber: string }> {
    if (!FILE_KINDS[kind].twoStep) throw TerminalErrors.invalidRequest(`${kind} is not a batch kind`);
    const xml = kind === 'bulkReferenceRegistration'
      ? buildReferenceRequest(kind, this.header(), records as ReferenceRegistration[], this.o.encoding, this.o.insurerPadding)
      : buildSearchRequest(kind, this.header(), records as SearchInfo[], this.o.encoding, this.o.insurerPadding);
    const exchange = await this.exchange(kind, '01', xml, 'reception');
    const receptionNumber = exchange.answer.body.ReceptionNumber;
    if (!receptionNumber) throw TerminalErrors.unexpected('upload answer without ReceptionNumber');
    return { ...exchange, receptionNumber };
  }

  /** Step 2: the results, or 'processing' while OQS is still working (SegmentOfResult 2). */
  async downloadBatch(kind: FileKind, receptionNumber: string): Promise<BatchDownload<'bulkQualification' | 'bulkReference'>> {
    const shape = kind === 'bulkReferenceRegistration' ? 'bulkReference' : 'bulkQualification';
    const xml = buildDownloadRequest(this.o.medicalInstitutionCode, receptionNumber, this.o.encoding);
    const exchange = await this.exchange(kind, '02', xml, shape, true);
    if (exchange.answer.header.SegmentOfResult === '2') return { state: 'processing', answerFile: exchange.answerFile };
    return { state: 'done', ...exchange };
  }

  /** Upload, then ask for the results every `retryMs` until done or `maxWaitMs` has passed. */
  async runBatch(kind: FileKind, records: readonly SearchInfo[] | readonly ReferenceRegistration[], retryMs: number, maxWaitMs: number) {
    const upload = await this.uploadBatch(kind, records);
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const result = await this.downloadBatch(kind, upload.receptionNumber);
      if (result.state === 'done') return { ...result, receptionNumber: upload.receptionNumber };
      if (Date.now() + retryMs > deadline) throw TerminalErrors.timeout(`batch ${upload.receptionNumber} still processing after ${maxWaitMs} ms`);
      await new Promise((r) => setTimeout(r, retryMs));
    }
  }

  private nextSuffix(): string {
    const stamp = formatOffsetIso(this.o.now()).replace(/\D/g, '').slice(0, 17);
    sequence = (sequence + 1) % 10_000;
    return `${stamp}${String(sequence).padStart(4, '0')}${this.o.machineTag}`;
  }

  private async exchange<S extends AnswerShape>(kind: FileKind, step: FileStep, xml: string, shape: S, allowProcessing = false): Promise<Exchange<S>> {
    const prefix = prefixOf(kind, this.o.fileNamePrefixes);
    const suffix = this.nextSuffix();
    const requestFile = requestFileName(prefix, step, suffix);
    const { bytes, replaced } = encodeText(xml, this.o.encoding);
    await writeAtomically(this.o.requestDir, requestFile, bytes, this.o.renameRetry, this.o.renameFile);
    const names = answerFileNames(prefix, step, suffix);
    const found = await waitForAnswer({
      dir: this.o.resultDir, names: [names.xml, names.zip], timeoutMs: this.o.answerTimeoutMs, pollMs: this.o.pollMs, settleMs: this.o.settleMs,
      maxBytes: this.o.maxAnswerBytes,
    });
    const rawXml = found.name === names.zip ? (await unzipXmlEntries(found.bytes, this.o.zipLimits)).map((e) => e.bytes) : [found.bytes];
    const parts = rawXml.map((b) => readAnswer(shape, b, this.o.xmlLimits));
    if (parts.length !== 1 && shape !== 'bulkQualification' && shape !== 'bulkReference') throw TerminalErrors.unexpected(`${parts.length} XML files for a single answer`);
    const answer = parts.length === 1 ? parts[0]! : (mergeBulkAnswers(shape as 'bulkQualification', parts as Answer<'bulkQualification'>[]) as unknown as Answer<S>);
    const segment = answer.header.SegmentOfResult;
    if (segment === '9') throw TerminalErrors.resultError(answer.header.ErrorCode ?? '', answer.header.ErrorMessage ?? '');
    if (segment === '2' && !allowProcessing) throw TerminalErrors.unexpected('SegmentOfResult 2 on a single request');
    if (segment !== undefined && !['1', '2', '9'].includes(segment)) throw TerminalErrors.unexpected(`SegmentOfResult ${segment.slice(0, 4)}`);
    return { answer, rawXml, requestFile, answerFile: found.name, replacedCharacters: replaced };
  }
}
