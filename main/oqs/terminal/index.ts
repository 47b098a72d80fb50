/** The 資格確認端末 folder interface as other services use it. */
export { TerminalClient, type BatchDownload, type Exchange, type TerminalClientOptions } from './client';
export type { Answer, BulkAnswer, BulkReferenceAnswer, ProcessingAnswer, QualificationAnswer, ReceptionAnswer } from './answers';
export type { BulkUnit, MedicalTicket, QualificationRecord, ReferenceRegistration, ResultHeader, SearchInfo } from './elements';
export { burdenRatio, type BurdenRatio } from './burden';
export { codeLabel, OQS_CODES, type CodeListId } from './codes';
export { exportCsv, exportXml, TRAINING_WATERMARK } from './export';
export { FILE_KINDS, type FileKind, type FileNamePrefixes } from './file-kinds';
export type { XmlEncoding } from './encoding';
export { startTrainingTerminal, type TrainingTerminal } from './training';
export { TerminalErrors } from './errors';
