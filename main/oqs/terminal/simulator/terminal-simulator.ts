/**
 * The simulated 資格確認端末: watches req, answers every file kind into res after a realistic
 * delay, and can be told to misbehave (slow, silent, truncated, malformed, SegmentOfResult 9) so
 * the client's handling of each fault can be shown in tests and training.
 */
import { watch, type FSWatcher } from 'node:fs';
import { mkdir, readdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import yazl from 'yazl';
import { formatOffsetIso } from '../../../common/tokyo-time';
import { findPeopleByInsurance, loadPopulation } from '../../population';
import { renderAnswer, type AnswerShape } from '../answers';
import { CHARACTER_CODE } from '../codes';
import { decodeXml, encodeText, type XmlEncoding } from '../encoding';
import { DOWNLOAD_BODY, REFERENCE_REGISTRATION, REFERENCE_UNIT_NAME, REQUEST_HEADER, SEARCH_INFO, type ResultHeader, type SearchInfo, type ReferenceRegistration } from '../elements';
import { answerFileNames, FILE_KINDS, kindOfPrefix, parseRequestFileName, type FileKind, type FileNamePrefixes } from '../file-kinds';
import { writeAtomically } from '../folder-io';
import type { LooseRecord } from '../layout';
import { readRecord } from '../record-read';
import { childNamed, parseXml, type XmlElement } from '../xml-read';
import { ConsentBook } from './consents';
import { batchUnits, lookUp, registerReference, SIMULATED_MESSAGES } from './respond';

export type TerminalFault = 'slow' | 'no-answer' | 'truncated' | 'malformed' | 'error-segment';
export const TERMINAL_FAULTS: readonly TerminalFault[] = ['slow', 'no-answer', 'truncated', 'malformed', 'error-segment'];

export interface TerminalSimulatorOptions {
  /** The shared folder; req and res are made inside it. */
  readonly terminalDir: string;
  /** Answer delay range in ms (a real terminal takes about a second). */
  readonly delayMs?: readonly [number, number];
  readonly slowDelayMs?: number;
  /** How long a batch stays 処理中 after upload. */
  readonly batchProcessingMs?: number;
  /** Batch answers with more units than this are zipped. */
  readonly zipAboveUnits?: number;
  readonly encoding?: XmlEncoding;
  readonly pollMs?: number;
  readonly fileNamePrefixes?: FileNamePrefixes;
  readonly now?: () => Date;
  /** Called with each answer file name as it is written. */
  readonly onAnswer?: (fileName: string) => void;
}

interface BatchJob {
  readonly kind: FileKind;
  readonly readyAt: number;
  readonly confirmationDate: string;
  readonly searches: SearchInfo[];
  readonly references: ReferenceRegistration[];
  readonly arbitraryFileIdentifier?: string;
}

interface Answered {
  readonly shape: AnswerShape;
  readonly header: ResultHeader;
  readonly body: LooseRecord;
  readonly unitCount?: number;
}

export class TerminalSimulator {
  readonly requestDir: string;
  readonly resultDir: string;
  readonly consents = ConsentBook.seeded(loadPopulation());
  private readonly o: Required<Omit<TerminalSimulatorOptions, 'terminalDir'>>;
  private readonly seen = new Set<string>();
  private readonly jobs = new Map<string, BatchJob>();
  private readonly pending = new Set<NodeJS.Timeout>();
  private fault: TerminalFault | undefined;
  private watcher: FSWatcher | undefined;
  private poller: NodeJS.Timeout | undefined;
  private receptionCounter = 0;

  constructor(options: TerminalSimulatorOptions) {
    this.requestDir = join(options.terminalDir, 'req');
    this.resultDir = join(options.terminalDir, 'res');
    this.o = {
      delayMs: [300, 1200], slowDelayMs: 15_000, batchProcessingMs: 3_000, zipAboveUnits: 1_000, encoding: 'Shift_JIS',
      pollMs: 200, fileNamePrefixes: {}, now: () => new Date(), onAnswer: () => undefined, ...options,
    };
  }

  get currentFault(): TerminalFault | undefined {
    return this.fault;
  }

  /** Faults apply to every answer until cleared with undefined. */
  setFault(fault: TerminalFault | undefined): void {
    this.fault = fault;
  }

  async start(): Promise<void> {
    await mkdir(this.requestDir, { recursive: true });
    await mkdir(this.resultDir, { recursive: true });
    this.watcher = watch(this.requestDir, () => void this.scan());
    this.watcher.on('error', () => undefined);
    this.poller = setInterval(() => void this.scan(), this.o.pollMs);
    await this.scan();
  }

  async stop(): Promise<void> {
    this.watcher?.close();
    clearInterval(this.poller);
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }

  private async scan(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.requestDir);
    } catch {
      return;
    }
    for (const name of names) {
      const parsed = parseRequestFileName(name);
      if (!parsed || this.seen.has(name)) continue;
      this.seen.add(name);
      const kind = kindOfPrefix(parsed.prefix, this.o.fileNamePrefixes);
      const [min, max] = this.o.delayMs;
      const delay = this.fault === 'slow' ? this.o.slowDelayMs : min + Math.floor(Math.random() * (max - min + 1));
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        void this.handle(name, kind, parsed.prefix, parsed.step, parsed.suffix).catch(() => undefined);
      }, delay);
      this.pending.add(timer);
    }
  }

  private async handle(name: string, kind: FileKind | undefined, prefix: string, step: '01' | '02', suffix: string): Promise<void> {
    const path = join(this.requestDir, name);
    const bytes = await readFile(path);
    // The terminal takes the request away once read, as the real 連携アプリ does.
    await unlink(path).catch(() => undefined);
    if (this.fault === 'no-answer') return;
    const answer = this.answer(kind, step, bytes);
    const names = answerFileNames(prefix, step, suffix);
    const text = renderAnswer(answer.shape, answer.header, answer.body as never, this.o.encoding);
    let out = encodeText(text, this.o.encoding).bytes;
    if (this.fault === 'truncated') out = out.subarray(0, Math.floor(out.length / 2));
    if (this.fault === 'malformed') out = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<XmlMsg><MessageHeader></MessageBody></XmlMsg>\n');
    if ((answer.unitCount ?? 0) > this.o.zipAboveUnits && !this.fault) {
      await writeAtomically(this.resultDir, names.zip, await zipOne(names.xml, out));
      this.o.onAnswer(names.zip);
    } else {
      // Faulty answers are written in place: a real terminal may be caught mid-write.
      if (this.fault) await writeFile(join(this.resultDir, names.xml), out);
      else await writeAtomically(this.resultDir, names.xml, out);
      this.o.onAnswer(names.xml);
    }
  }

  private header(extra: ResultHeader): ResultHeader {
    return {
      ProcessExecutionTime: formatOffsetIso(this.o.now()).replace(/\D/g, '').slice(0, 14),
      SegmentOfResult: '1',
      CharacterCodeIdentifier: CHARACTER_CODE[this.o.encoding],
      ...extra,
    };
  }

  private answer(kind: FileKind | undefined, step: '01' | '02', bytes: Buffer): Answered {
    let root: XmlElement;
    try {
      root = parseXml(decodeXml(bytes).text);
    } catch {
      return this.error('processing', {}, 'SIM9001', '要求ファイルの形式に誤りがあります。');
    }
    const requestHeader = readRecord(childNamed(root, 'MessageHeader') ?? root, REQUEST_HEADER) as ResultHeader;
    const body = childNamed(root, 'MessageBody');
    if (!kind || !body) return this.error('processing', requestHeader, 'SIM9002', '要求ファイルの種別を判別できません。');
    if (this.fault === 'error-segment') return this.error(FILE_KINDS[kind].answer === 'qualification' ? 'qualification' : 'processing', requestHeader, 'SIM9999', SIMULATED_MESSAGES.systemError);
    const date = requestHeader.QualificationConfirmationDate ?? formatOffsetIso(this.o.now()).slice(0, 10).replaceAll('-', '');
    const searches = body.children.filter((c) => c.name === 'QualificationConfirmSearchInfo').map((c) => readRecord(c, SEARCH_INFO) as SearchInfo);
    const references = body.children.filter((c) => c.name === 'ReferenceNumberRegistrationInfo').map((c) => readRecord(c, REFERENCE_REGISTRATION) as ReferenceRegistration);
    const info = FILE_KINDS[kind];
    if (info.twoStep && step === '01') {
      const receptionNumber = `SIM${String(++this.receptionCounter).padStart(10, '0')}`;
      this.jobs.set(receptionNumber, { kind, readyAt: Date.now() + this.o.batchProcessingMs, confirmationDate: date, searches, references, arbitraryFileIdentifier: requestHeader.ArbitraryFileIdentifier });
      const time = formatOffsetIso(this.o.now()).replace(/\D/g, '').slice(0, 14);
      return { shape: 'reception', header: this.header({ MedicalInstitutionCode: requestHeader.MedicalInstitutionCode, ArbitraryFileIdentifier: requestHeader.ArbitraryFileIdentifier }), body: { ReceptionNumber: receptionNumber, ReceptionDateTime: time, ProcessingResultStatus: '1' } };
    }
    if (info.twoStep) return this.download(readRecord(body, DOWNLOAD_BODY).ReceptionNumber as string | undefined, requestHeader);
    return this.single(kind, requestHeader, date, searches[0], references[0]);
  }

  private single(kind: FileKind, requestHeader: ResultHeader, date: string, search: SearchInfo | undefined, reference: ReferenceRegistration | undefined): Answered {
    const header = this.header({ ...requestHeader, ReferenceClassification: '2' });
    if (kind === 'referenceRegistration' && reference) {
      const { ReferenceNumberRegistrationInfo, ...status } = registerReference(reference);
      return { shape: 'processing', header, body: { ...status, ReferenceNumberRegistrationInfo } as LooseRecord };
    }
    if (!search) return this.error('processing', requestHeader, 'SIM9003', '照会条件がありません。');
    if (kind === 'consentCancellation') {
      const found = findPeopleByInsurance({ ...search, InsurerNumber: search.InsurerNumber ?? '', InsuredIdentificationNumber: search.InsuredIdentificationNumber ?? '' }, search.Birthdate).current;
      const cancelled = found.length === 1 ? this.consents.cancel(found[0]!.PersonId, '2') : 0;
      const body = cancelled > 0 ? { ProcessingResultStatus: '1' } : { ProcessingResultStatus: '2', ProcessingResultCode: 'SIM0002', ProcessingResultMessage: SIMULATED_MESSAGES.noConsent };
      return { shape: 'processing', header, body: { ...body, QualificationConfirmSearchInfo: search as LooseRecord } };
    }
    const { results, ...status } = lookUp(search, date, this.consents);
    return { shape: 'qualification', header, body: { ...status, QualificationConfirmSearchInfo: search as LooseRecord, ResultList: results as LooseRecord[] } };
  }

  private download(receptionNumber: string | undefined, requestHeader: ResultHeader): Answered {
    const job = receptionNumber ? this.jobs.get(receptionNumber) : undefined;
    if (!job) return this.error('bulkQualification', { ...requestHeader, ReceptionNumber: receptionNumber }, 'SIM0003', SIMULATED_MESSAGES.unknownReception);
    const base = { MedicalInstitutionCode: requestHeader.MedicalInstitutionCode, ArbitraryFileIdentifier: job.arbitraryFileIdentifier, ReceptionNumber: receptionNumber, QualificationConfirmationDate: job.confirmationDate };
    if (Date.now() < job.readyAt) return { shape: 'bulkQualification', header: this.header({ ...base, SegmentOfResult: '2' }), body: {} };
    const reference = job.kind === 'bulkReferenceRegistration';
    const units: LooseRecord[] = reference ? job.references.map(registerReference) as LooseRecord[] : batchUnits(job.searches, job.confirmationDate, this.consents) as LooseRecord[];
    const errors = units.filter((u) => u.ProcessingResultStatus === '2').length;
    const counts = { NumberOfProcessingResult: String(units.length), NumberOfNormalProcessing: String(units.length - errors), NumberOfError: String(errors) };
    return {
      shape: reference ? 'bulkReference' : 'bulkQualification',
      header: this.header({ ...base, ...counts }),
      body: { [reference ? REFERENCE_UNIT_NAME : 'BulkConfirmUnit']: units },
      unitCount: units.length,
    };
  }

  private error(shape: AnswerShape, requestHeader: ResultHeader, code: string, message: string): Answered {
    return { shape, header: this.header({ ...requestHeader, SegmentOfResult: '9', ErrorCode: code, ErrorMessage: message }), body: {} };
  }
}

function zipOne(name: string, bytes: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const zip = new yazl.ZipFile();
    zip.addBuffer(bytes, name);
    zip.end();
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks))).on('error', reject);
  });
}
