/**
 * Distinguished names as people read them. node-forge hands attribute values over as raw byte
 * strings; JPKI names carry Japanese in UTF8String (e.g. 公的個人認証サービス), so they are decoded
 * here by their ASN.1 string type instead of being shown as mojibake.
 */
import forge from 'node-forge';

const UTF8_STRING: number = forge.asn1.Type.UTF8;
const BMP_STRING: number = forge.asn1.Type.BMPSTRING;

type RawAttribute = forge.pki.CertificateField;

function decodeValue(attribute: RawAttribute): string {
  const raw = typeof attribute.value === 'string' ? attribute.value : String(attribute.value);
  // The typings call this field a class; at run time it holds the universal tag number of the string type.
  const stringType = attribute.valueTagClass as unknown as number;
  if (stringType === UTF8_STRING) return Buffer.from(raw, 'binary').toString('utf8');
  if (stringType === BMP_STRING) return Buffer.from(raw, 'binary').swap16().toString('utf16le');
  return raw;
}

/** e.g. `C=JP, O=JPKI, OU=JPKI for user authentication, CN=…`, in the order the certificate lists them. */
export function formatName(attributes: readonly RawAttribute[]): string {
  return attributes.map((a) => `${a.shortName ?? a.type ?? '?'}=${decodeValue(a)}`).join(', ');
}

/** The values of one attribute (e.g. OU) in order, decoded. */
export function nameValues(attributes: readonly RawAttribute[], shortName: string): string[] {
  return attributes.filter((a) => a.shortName === shortName).map(decodeValue);
}
