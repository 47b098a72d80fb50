/**
 * Status words a My Number card (or a reader stack) can answer, with names that make logs and test
 * failures readable. Names follow ISO 7816-4 and what the JPKI card is known to return.
 */
export const SW = {
  OK: 0x9000,
  WRONG_LENGTH: 0x6700,
  LOGICAL_CHANNEL_NOT_SUPPORTED: 0x6881,
  SECURE_MESSAGING_NOT_SUPPORTED: 0x6882,
  COMMAND_INCOMPATIBLE_WITH_FILE: 0x6981,
  SECURITY_STATUS_NOT_SATISFIED: 0x6982,
  AUTHENTICATION_METHOD_BLOCKED: 0x6983,
  REFERENCE_DATA_NOT_USABLE: 0x6984,
  CONDITIONS_NOT_SATISFIED: 0x6985,
  NO_CURRENT_EF: 0x6986,
  SM_DATA_OBJECT_MISSING: 0x69fc,
  WRONG_DATA: 0x6a80,
  FUNCTION_NOT_SUPPORTED: 0x6a81,
  FILE_NOT_FOUND: 0x6a82,
  INCORRECT_P1P2: 0x6a86,
  REFERENCED_DATA_NOT_FOUND: 0x6a88,
  WRONG_P1P2_OFFSET: 0x6b00,
  INS_NOT_SUPPORTED: 0x6d00,
  CLA_NOT_SUPPORTED: 0x6e00,
  NO_PRECISE_DIAGNOSIS: 0x6f00,
} as const;

const NAMES = new Map<number, string>(Object.entries(SW).map(([name, sw]) => [sw, name]));

/** `63 Cx`: a PIN check failed (or the tries query answered) with x tries left. */
export function triesLeft(sw: number): number | undefined {
  return (sw & 0xfff0) === 0x63c0 ? sw & 0x0f : undefined;
}

/** A readable name for logs and test messages, e.g. `6A82 FILE_NOT_FOUND`, `63C2 TRIES_LEFT_2`. */
export function swName(sw: number): string {
  const hex = sw.toString(16).toUpperCase().padStart(4, '0');
  const known = NAMES.get(sw);
  if (known) return `${hex} ${known}`;
  const tries = triesLeft(sw);
  if (tries !== undefined) return `${hex} TRIES_LEFT_${tries}`;
  if (sw >> 8 === 0x61) return `${hex} MORE_DATA_${sw & 0xff || 256}`;
  if (sw >> 8 === 0x6c) return `${hex} WRONG_LE_EXACT_${sw & 0xff || 256}`;
  return `${hex} UNKNOWN`;
}
