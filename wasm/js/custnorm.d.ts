// Type declarations of custnorm.mjs, the browser build of custnorm.
// The result objects have the JSON shapes of the Go library and the CLI.

/** An RFC 6901 JSON Pointer: "" is the whole document, "/contact/dob" a member. */
export type Pointer = string;

/**
 * A stable snake_case code. The codes of the Go validate package (listed in its
 * package doc: invalid_json, wrong_type, required, too_long, invalid_phone, …)
 * plus the bridge-level codes "internal", "bad_request" and "unknown_format",
 * which concern the call rather than the document.
 */
export type IssueCode =
  | 'invalid_json' | 'too_large' | 'too_deep' | 'wrong_type' | 'unknown_field'
  | 'required' | 'one_of_required' | 'too_short' | 'too_long' | 'invalid_format'
  | 'invalid_email' | 'invalid_phone' | 'not_mobile' | 'invalid_country'
  | 'invalid_language' | 'invalid_date' | 'date_in_future' | 'implausible_birth_date'
  | 'invalid_postal_code' | 'invalid_id' | 'forbidden_characters' | 'phone_not_assigned'
  | 'not_split' | 'schema' | 'invalid_encoding' | 'too_many_issues' | 'birth_date_mismatch'
  | 'internal' | 'bad_request' | 'unknown_format'
  | (string & {});

export type Severity = 'error' | 'warning';

/** Something wrong with the input. The message never contains the rejected value. */
export interface Issue {
  /** Pointer into the document passed in ("" for the whole document, and for bridge-level issues). */
  path: Pointer;
  /** Pointer into the output document, for issues that exist only in a conversion's target. */
  target?: Pointer;
  code: IssueCode;
  severity: Severity;
  /** Localized (en, de, fr) text. */
  message: string;
  /** The message's named arguments: JSON scalars or lists of strings. */
  params: Record<string, string | number | boolean | string[]>;
}

export type ChangeKind = 'normalized' | 'split' | 'joined' | 'derived' | 'dropped' | 'truncated' | 'defaulted';

/** Something custnorm did to the data. */
export interface Change {
  kind: ChangeKind;
  /** Pointer into the input document ("" for a value the input did not have). */
  path: Pointer;
  /** Pointer into the output document, when there is one. */
  target?: Pointer;
  /** The rule that fired ("phone_e164", "street_house_number", …). */
  rule: string;
}

/** A format name as formats() lists it: "canonical", "secuconnect", "stancer", … */
export type Format = string;

/** A document: a plain object (or array), JSON text, or UTF-8 JSON bytes. */
export type Doc = object | string | Uint8Array;

export interface Options {
  /** Language of messages, BCP 47: en (default), de, fr; others get English. */
  lang?: string;
  /** Default region (ISO 3166-1 alpha-2 code or country name) for national phone numbers and addresses without a country. */
  region?: string;
  /** Make every warning an error. */
  strict?: boolean;
}

export interface LangOption {
  lang?: string;
}

export interface ValidateResult {
  /** True when no issue has severity error. */
  valid: boolean;
  issues: Issue[];
}

export interface ConvertResult<Out = Record<string, unknown>> {
  /** True when no issue has severity error. */
  ok: boolean;
  /** The converted document, whenever the input could be read (also when ok is false). */
  output?: Out;
  issues: Issue[];
  changes: Change[];
}

export type PhoneType =
  | 'mobile' | 'fixed_line' | 'fixed_line_or_mobile' | 'toll_free' | 'premium_rate'
  | 'shared_cost' | 'voip' | 'personal_number' | 'pager' | 'uan' | 'voicemail' | 'unknown';

export interface PhoneResult {
  ok: boolean;
  /** E.164 form ("+4930123456", ";ext=…" appended for extensions); set when ok. */
  e164?: string;
  /** Kind of line; set when ok. */
  type?: PhoneType;
  /** ISO 3166-1 alpha-2 region of the number, when it can be told. */
  region?: string;
  /**
   * True when the text held invisible format characters (zero-width
   * spaces, byte-order marks, bidi marks), removed before it was read;
   * absent otherwise.
   */
  formatCharsRemoved?: boolean;
  issues: Issue[];
}

export interface CountryResult {
  ok: boolean;
  /** ISO 3166-1 alpha-2 code; set when ok. */
  code?: string;
  issues: Issue[];
}

/**
 * One instance of the module. Every call is synchronous, runs to completion on
 * the calling thread and never throws: wrong arguments and malformed JSON give
 * issues. For parallel work, load one instance per Web Worker.
 */
export interface Custnorm {
  /** The format names, sorted, "canonical" included. */
  formats(): Format[];
  /** Checks one record of format as the provider would. */
  validate(format: Format, doc: Doc, options?: Options): ValidateResult;
  /** Converts one record from one format into another. */
  convert<Out = Record<string, unknown>>(from: Format, to: Format, doc: Doc, options?: Options): ConvertResult<Out>;
  /** Parses a phone number; region is the default for numbers without "+". */
  normalizePhone(text: string, region?: string | null, options?: LangOption): PhoneResult;
  /** Turns a country code or name (en, de, fr, es, it, nl, pl, sv) into ISO 3166-1 alpha-2. */
  normalizeCountry(text: string, options?: LangOption): CountryResult;
  /**
   * Turns a nationality into ISO 3166-1 alpha-2: what normalizeCountry reads,
   * and nationality adjectives ("german", "deutsch", "Swedish", "polska").
   */
  normalizeNationality(text: string, options?: LangOption): CountryResult;
}

/** Where custnorm.wasm is: a URL, a Response (or its promise), its bytes, or a compiled module. */
export type Source =
  | string
  | URL
  | Response
  | PromiseLike<Response>
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module;

/**
 * Loads and starts one instance. Without a source it loads the custnorm.wasm
 * next to custnorm.mjs. Rejects when the module cannot be fetched or compiled.
 */
export function init(source?: Source): Promise<Custnorm>;
