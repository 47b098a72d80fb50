/**
 * A 10,000-record 資格確認一括照会 through the terminal interface's codec, in Shift_JIS (CP932, the
 * costlier encoding): build + encode the request, decode + parse it; render + encode the result
 * (one qualification per record from the synthetic population), decode + parse it into records.
 * Median of 5 rounds each; peak memory is the process's maximum resident set.
 */
import { performance } from 'node:perf_hooks';
import { loadPopulation } from '../../main/oqs/population';
import { readAnswer, renderAnswer } from '../../main/oqs/terminal/answers';
import { decodeXml, encodeText } from '../../main/oqs/terminal/encoding';
import { SEARCH_INFO, type SearchInfo } from '../../main/oqs/terminal/elements';
import { readRecord } from '../../main/oqs/terminal/record-read';
import { buildSearchRequest } from '../../main/oqs/terminal/requests';
import { ConsentBook } from '../../main/oqs/terminal/simulator/consents';
import { batchUnits } from '../../main/oqs/terminal/simulator/respond';
import { childNamed, parseXml } from '../../main/oqs/terminal/xml-read';
import { median, type Benchmark } from './benchmark';

const RECORDS = 10_000;
const ROUNDS = 5;
const TARGET_REQUEST_MS = 1_000;
const TARGET_RESULT_MS = 4_000;
const TARGET_PEAK_RSS_MB = 1_024;

/** Wall time, plus this process's CPU time: on a shared, busy machine the CPU figure stays comparable. */
const cpuMs: Record<string, number[]> = {};
function timed(phase: string, fn: () => void): number {
  const started = performance.now();
  const cpu = process.cpuUsage();
  fn();
  const used = process.cpuUsage(cpu);
  (cpuMs[phase] ??= []).push((used.user + used.system) / 1000);
  return performance.now() - started;
}

const bench: Benchmark = {
  name: 'terminal batch codec, 10,000 records, Shift_JIS (median of 5)',
  async run() {
    const people = loadPopulation();
    const searches: SearchInfo[] = Array.from({ length: RECORDS }, (_, i) => {
      const p = people[i % people.length]!;
      return { InsurerNumber: p.InsurerNumber, InsuredCardSymbol: p.InsuredCardSymbol, InsuredIdentificationNumber: p.InsuredIdentificationNumber, InsuredBranchNumber: p.InsuredBranchNumber, Birthdate: p.Birthdate, ArbitraryIdentifier: `R${i}` };
    });
    const header = { QualificationConfirmationDate: '20261125', MedicalInstitutionCode: '1311000010' };
    const units = batchUnits(searches, '20261125', ConsentBook.seeded(people));
    const resultHeader = { ProcessExecutionTime: '20261125101500', QualificationConfirmationDate: '20261125', MedicalInstitutionCode: '1311000010', ReceptionNumber: 'R1', SegmentOfResult: '1', NumberOfProcessingResult: String(RECORDS), CharacterCodeIdentifier: '1' };

    const figures = { buildRequest: [] as number[], parseRequest: [] as number[], buildResult: [] as number[], parseResult: [] as number[] };
    let requestBytes: Buffer = Buffer.alloc(0);
    let resultBytes: Buffer = Buffer.alloc(0);
    for (let round = 0; round < ROUNDS; round++) {
      figures.buildRequest.push(timed('buildRequest', () => { requestBytes = encodeText(buildSearchRequest('bulkQualification', header, searches, 'Shift_JIS'), 'Shift_JIS').bytes; }));
      figures.parseRequest.push(timed('parseRequest', () => {
        const body = childNamed(parseXml(decodeXml(requestBytes).text), 'MessageBody')!;
        const parsed = body.children.map((c) => readRecord(c, SEARCH_INFO));
        if (parsed.length !== RECORDS) throw new Error(`request parsed into ${parsed.length} records`);
      }));
      figures.buildResult.push(timed('buildResult', () => { resultBytes = encodeText(renderAnswer('bulkQualification', resultHeader, { BulkConfirmUnit: units }, 'Shift_JIS'), 'Shift_JIS').bytes; }));
      figures.parseResult.push(timed('parseResult', () => {
        const answer = readAnswer('bulkQualification', resultBytes);
        if (answer.body.BulkConfirmUnit?.length !== RECORDS) throw new Error('result lost records');
      }));
    }
    const med = (list: number[]) => Number(median(list).toFixed(1));
    const requestMs = med(figures.buildRequest) + med(figures.parseRequest);
    const resultMs = med(figures.buildResult) + med(figures.parseResult);
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    return {
      records: RECORDS,
      requestMegabytes: Number((requestBytes.length / 1e6).toFixed(1)),
      resultMegabytes: Number((resultBytes.length / 1e6).toFixed(1)),
      buildRequestMedianMs: med(figures.buildRequest),
      parseRequestMedianMs: med(figures.parseRequest),
      buildResultMedianMs: med(figures.buildResult),
      parseResultMedianMs: med(figures.parseResult),
      cpuMedianMs: Object.fromEntries(Object.entries(cpuMs).map(([phase, list]) => [phase, med(list)])),
      peakRssMb,
      targets: { requestMs: TARGET_REQUEST_MS, resultMs: TARGET_RESULT_MS, peakRssMb: TARGET_PEAK_RSS_MB },
      met: requestMs <= TARGET_REQUEST_MS && resultMs <= TARGET_RESULT_MS && peakRssMb <= TARGET_PEAK_RSS_MB,
    };
  },
};

export default bench;
