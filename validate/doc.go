// Package validate normalizes canonical customer records and checks them with
// the rules every provider shares, and owns the vocabulary every layer of
// custnorm reports in: [Issue] (something wrong with the input), [Change]
// (something custnorm did to the data), [Pointer] (RFC 6901 paths) and the
// localized messages.
//
// The entry point is [Validator]: Normalize, Check, or both with Customer.
// The single-value normalizers ([NormalizePhone], [NormalizeCountry],
// [NormalizeNationality], [ParseBirthDate], [NormalizeEmail],
// [NormalizeText], [NormalizeLanguage], [CheckPostalCode], [SplitStreet],
// [SplitName], [CheckNationalID], [CheckVATID]) are exported for callers
// that hold one value; their issues have path "" (the value itself).
//
// # Issues
//
// An issue is {path, code, severity, message, params} (plus target, when it
// exists only in a conversion's output). Severity error means a provider
// would reject the value, or it is wrong for any provider; warning means a
// SHOULD, or accepted but suspicious. A record is accepted when it has no
// error. The message is localized (en, de, fr, es, it, nl, pl, sv; see
// Messages below); it never contains the rejected value, which may be
// personal data, and neither does Issue.Error. Message texts may change over time;
// codes and params do not.
//
// # Error codes
//
// Codes are API: adding one is a minor change, renaming or removing one is
// breaking. Params are listed after each code.
//
//	invalid_json            the document is not JSON.
//	too_large               the document is larger than the limit. max (bytes)
//	too_deep                nesting deeper than the limit. max (levels)
//	wrong_type              a member has another JSON type. expected (JSON type name)
//	unknown_field           a member the format does not document; kept in the
//	                        provider-specific section (warning); an error in the
//	                        canonical format, which has no place to keep it.
//	required                a member the target needs is missing (error or
//	                        warning, by the provider's MUST or SHOULD).
//	one_of_required         none of several members is present. fields
//	too_short               fewer code points than allowed. min
//	too_long                more code points than allowed. max
//	invalid_format          the value does not have the documented form. format
//	invalid_email           fails the practical e-mail syntax check.
//	invalid_phone           not a phone number, not complete for its region (too
//	                        short, too long, only locally dialable), or letters
//	                        other than an extension marker (a masked +37258774XXX).
//	                        reason (invalid_encoding, empty, too_long, letters,
//	                        not_a_number, invalid_country_code, too_short,
//	                        invalid_length, local_only, national_prefix; see
//	                        NormalizePhone)
//	not_mobile              a mobile member holding a fixed-line number (warning).
//	invalid_country         not an ISO 3166-1 country, code or known name (or
//	                        nationality adjective). candidates (sorted alpha-2
//	                        codes), only when the name is one several countries
//	                        share ("Kongo": ["CD","CG"]). An error, except for a
//	                        provider's free-text nationality, kept in its
//	                        provider section (a warning).
//	invalid_language        not a well-formed BCP 47 tag.
//	invalid_date            not a calendar date in an accepted form.
//	date_in_future          a birth date after today.
//	implausible_birth_date  a birth date more than maxAge years ago (warning). maxAge
//	invalid_postal_code     not a postal code of the address country. country, example
//	invalid_id              an identifier of the wrong shape, or failing its check
//	                        digits. format (the expected shape in words); scheme
//	                        for national and VAT ids ("se_personnummer",
//	                        "de_vat": see IDScheme), error when the shape fits and
//	                        a check fails, warning when a national id has no
//	                        shape of its country's schemes.
//	forbidden_characters    control or format characters (Cc, Cf: bidi overrides,
//	                        zero-width spaces) in text.
//	phone_not_assigned      a complete number in a range its numbering plan has not
//	                        assigned (warning).
//	not_split               a street or name kept whole because it could not be
//	                        split unambiguously (warning). rule
//	schema                  a JSON Schema rule with no more specific code. keyword
//	invalid_encoding        a string with invalid UTF-8 bytes or a lone UTF-16
//	                        surrogate (an escape such as \ud800, or a JS string):
//	                        never replaced silently.
//	too_many_issues         the record had more issues than the cap; the first ones
//	                        are kept and this one stands for the rest. omitted (count)
//	birth_date_mismatch     a valid national identifier encodes another birth date
//	                        than the record's (warning), at the id's path. scheme
//
// # Messages
//
// A [Localizer] renders messages in one language. [NewLocalizer] matches a
// BCP 47 tag against the shipped languages, en, de, fr, es, it, nl, pl and
// sv: a regional or related tag gets its language (de-AT → de, sv-FI → sv,
// nl-BE → nl, es-419 → es), anything else English (pt → en). Numbers are
// formatted for the language (1.048.576 in German, 1 048 576 with no-break
// spaces in Polish and Swedish, four digits ungrouped in Spanish and
// Polish). The zero Localizer renders English.
//
// Callers can add languages and replace texts with their own catalog,
// [Messages], made from Go maps ([NewMessages]) or read from JSON
// ([ParseMessages], the format of the CLI's --messages FILE and the JS
// init option):
//
//	{"pt": {"too_long": "deve ter no máximo {max} caracteres", "required": "é obrigatório"},
//	 "de": {"required": "muss angegeben werden"}}
//
// Keys are the codes below, plus invalid_postal_code.none (the wording for
// a country without postal codes, param country). A text names params in
// braces ({max}, any of the code's params listed below); {{ and }} are
// literal braces; it is never a printf format, so % and $ are plain text.
// Unknown languages, keys and params, stray braces and texts that are
// empty or hold control characters are errors, all listed in one
// [MessagesError]. A code missing from a caller's language is taken from
// its parent (de-CH → de), then from English (the caller's English texts,
// if any, then the shipped ones); a message is never the bare code.
//
// For a printer of one's own, [MessageFormats] lists the shipped messages
// as printf formats, and package validate/xmessage builds an x/text catalog
// of them and renders issues with x/text's printers. The package never
// writes to x/text's default catalog, and does not import x/text's message
// packages itself (the browser build does not link them).
//
// # Changes
//
// Every change normalization or conversion makes is reported, never silent:
// {kind, path, target, rule} with kind normalized, split, joined, derived,
// dropped, truncated (only on request) or defaulted. Rules name what fired:
// text, email_domain, country_code, demonym, default_region,
// street_house_number, phone_e164, phone_format_characters, language_tag,
// date_civil, name_split, name_join, house_number_split, house_number_join,
// street_join, read_only, not_in_target.
//
// # Normalization
//
// Normalization is conservative and idempotent:
//
//   - Text: trimmed, Unicode NFC, runs of inner white space collapsed to one
//     space. Letter case is never changed (no title-casing of names).
//     Control and format characters are an error, and the value is kept.
//   - Phones: read as libphonenumber's metadata and rules say (see Phone
//     numbers below); default region the address country, then the
//     Validator's Region; written E.164, an extension kept as ";ext=N";
//     format characters (Cf) removed, and the removal reported.
//   - Countries: alpha-2, alpha-3 and names in en, de, fr, es, it, nl, pl,
//     sv (case- and accent-insensitive, aliases such as UK) become alpha-2;
//     a nationality also from its adjective ("german" → DE). See Countries
//     below.
//   - Dates of birth: YYYY-MM-DD, YYYY-MM-DDThh:mm:ss±hh:mm, …Z and YYYYMMDD;
//     the calendar date written is the date, never shifted through a zone.
//   - E-mail: the domain is lower-cased; the local part is kept.
//   - Street: a street line carrying its number splits into street and
//     house number by the conventions of the address country
//     ([SplitStreetIn]: "12 bis rue de la Paix", "Calle Mayor, nº 5",
//     "Kerkstraat 12 hs"; the rules per country and their sources are in
//     street.go); when unsure it is kept whole, with a not_split warning.
//   - Identifiers (national id, tax id) are checked, never rewritten:
//     Worldline's lookup needs the number as the provider stores it, and
//     the "+" of a Swedish personnummer carries the century.
//
// What normalization does not do: it does not transliterate, title-case,
// guess a missing country from a phone number, look up e-mail domains, or
// check that an address exists.
//
// # Countries
//
// [NormalizeCountry] and [NormalizeNationality] answer from tables
// generated at go generate time (countries_gen.go, by
// internal/gencountries); the runtime, and so the WASM build, links no
// display-name package. The tables are built from:
//
//   - Unicode CLDR 48 (npm cldr-localenames-full 48.2.0): the territory
//     name of each country in the eight languages, with CLDR's short forms
//     ("UK", "Bosnia", "EE. UU.") and variants ("Ivory Coast",
//     "Elfenbeinküste", "République tchèque");
//   - npm i18n-iso-countries 7.14.0: names and common alternatives in the
//     same languages (Dutch official names, "Großbritannien", "UAE");
//   - npm i18n-nationality 1.4.0: nationality adjectives in en, de, fr, es,
//     it and nl ("German", "Deutsch", "allemand");
//   - custnorm's curated list (internal/gencountries/curated.go), each line
//     with its source: aliases ("Holland", "England", "DRC"), official
//     names of the languages' own countries and their neighbours
//     ("Bundesrepublik Deutschland", "Rzeczpospolita Polska"), former CLDR
//     names ("Mazedonien", "Swaziland"), Polish and Swedish adjectives (the
//     EU Interinstitutional Style Guide), and corrections of package
//     entries that are wrong (i18n-nationality gives "Welsh" to Wallis and
//     Futuna and "Islandés" to Bouvet Island).
//
// Rules derive further spellings: "&" spelt out in the name's language; a
// part in parentheses dropped ("Myanmar (Burma)" → "Myanmar"); English
// "St." as "Saint" and "Korea, Republic of" turned round; German ä ö ü
// written ae oe ue ("Oesterreich", "Daenemark"; ß is read as ss
// everywhere); for adjectives the feminine (allemande, alemana, tedesca,
// niemiecka), the Swedish -a form (svenska) and the German -e and -er
// endings (deutsche, deutscher). Input is compared after folding: lower
// case, accents and marks removed, ø æ œ ł đ ð þ ı spelt in ASCII,
// . , ' ’ - ( ) & read as spaces, ":" removed (Swedish "S:t"), white space
// collapsed.
//
// A name countries share is refused, never guessed: the invalid_country
// issue names the candidates. This is decided over all languages together,
// since the input does not say its language: a spelling that means one
// country in one language and another in a second ("Kongo": DR Congo in
// German, the Republic of the Congo in Polish) is refused, as is a name two
// countries share in one language ("Congo", "Korea", "Virgin Islands",
// "Congolese", "Dominican", "Korean"). A name or adjective a source lists
// wins over a spelling a rule derives, and an alpha-3 code over both
// ("Saint-Martin" is the French part, MF; that the Dutch part's
// "Saint-Martin (partie néerlandaise)" loses its parentheses does not make
// it shared). German transcription adds no key that another source gives
// to another country (tested).
//
// Codes: the 249 ISO 3166-1 alpha-2 codes in current use, plus XK. Kosovo
// is only user-assigned in ISO 3166-1, but CLDR, the European Commission
// and payment providers use XK; its alpha-3 is XKK (CLDR's, what [Alpha3]
// returns), and XKX is read too. Private-use codes (AA, QM–QZ, XA–XZ other
// than XK, ZZ), groups (EU, EZ, UN, 001), exceptional reservations (AC, CP,
// DG, EA, IC, TA) and deprecated or withdrawn codes (DD/DDR, BU, YU, ZR,
// TP, CS, SU, AN) are rejected: a record that still carries one needs a
// human, not a guess. The one alias of two letters is UK → GB. Two ASCII
// letters are always read as a code, so CLDR's short names "RU" (Spanish,
// for the United Kingdom; RU is Russia), "VK" and "VS" (Dutch) are not
// read as names.
//
// A nationality is read by [NormalizeNationality]: codes and country names
// as [NormalizeCountry] reads them, and adjectives. The [Validator] reads
// the canonical nationality so and reports an adjective as a normalized
// change, rule demonym; one it cannot read is an invalid_country error,
// since the canonical field holds a code. A provider format whose
// nationality is free text (secuconnect) keeps such a value in its
// provider section instead, with an invalid_country warning: a record is
// not rejected for a nationality that a target without one never sees.
//
// # Phone numbers
//
// [NormalizePhone] gives the answers of github.com/nyaruka/phonenumbers (the
// Go port of Google's libphonenumber) without linking it: Parse,
// IsPossibleNumberWithReason, GetRegionCodeForNumber, GetNumberType and
// Format(E164) are reproduced step by step (phone_engine.go) over tables
// generated from its metadata (phone_gen.go). The tables hold, per region
// and non-geographical calling code, the international and national
// prefixes, the national prefix transform rules, possible lengths, the
// leading digits that tell the regions of a shared calling code apart, and
// the patterns of the general desc and of every number type, each compiled
// into a deterministic automaton over digits that reads exactly what Go's
// regexp reads (its leftmost-first matches included); phonenumbers' own
// fixed patterns (viable numbers, extensions) become automata over rune
// classes. They are string constants and static arrays: nothing is
// decoded, compiled or allocated when a program starts, and a number costs
// a few table look-ups per digit (under 2 % of phonenumbers' time, with at
// most one allocation, the E.164 string).
//
// The generator is validate/internal/genphone (its package doc says how it
// works); rerun it with
//
//	go generate ./validate
//
// after changing the phonenumbers version in go.mod. [PhoneMetadataVersion]
// names the version the tables come from. phonenumbers stays a dependency
// of the module as the generator's input and the tests' oracle: the tests
// compare NormalizePhone with phonenumbers on every example number of every
// region and type and on near misses of each (a digit more, less, changed;
// written with the national prefix, the international prefix, separators),
// and FuzzPhoneOracle does so for any text; TestGeneratedFileIsCurrent
// (in genphone) fails when phone_gen.go is not what the generator writes.
//
// Where custnorm differs from phonenumbers, on purpose:
//
//   - Format characters (Unicode Cf: zero-width spaces and joiners, the
//     byte-order mark, bidi marks, embeddings, overrides and isolates, soft
//     hyphens) are removed wherever they are before the number is read
//     (phonenumbers drops some and refuses others), and the removal is
//     reported (PhoneResult.FormatCharsRemoved; rule
//     phone_format_characters in a Validator's report).
//   - Decimal digits of every script are read by their value, as Java's
//     libphonenumber reads them; phonenumbers maps only Arabic-Indic and
//     full-width digits to ASCII and misreads the others.
//   - Letters are refused (reason letters), except one extension marker
//     ("x", "ext", "extension" in ASCII, either case) before the extension
//     digits: phonenumbers reads three or more letters through the
//     telephone keypad (vanity numbers, but also masked ones such as
//     +37258774XXX) and tel: URIs as RFC 3966.
//   - A number in an unassigned range whose E.164 form would read back as
//     another number (it kept its national prefix after the calling code,
//     "+31 0 01234567") is refused (reason national_prefix), where
//     phonenumbers accepts it.
//   - Text that is not valid UTF-8 is refused (reason invalid_encoding);
//     phonenumbers reads an invalid byte as U+FFFD.
//   - Issues carry no cause (Err is nil): branch on the reason param.
//
// Limits: the text is read after format characters are removed and white
// space is trimmed; more than 250 bytes of it is too_long without reading
// (phonenumbers' own cap); a national significant number has 2 to 17
// digits, an extension at most 20 (phonenumbers' patterns). Any text of any
// length gets a result, and no input panics (checked by the fuzz targets).
//
// # Limits
//
//   - Lengths count Unicode code points after NFC (the unit of JSON
//     Schema's maxLength); JavaScript's string.length counts UTF-16 units
//     and can disagree for characters outside the BMP.
//   - Phone input is capped at 250 bytes (phonenumbers' own limit; see
//     Phone numbers), e-mail
//     addresses at 254 code points, country input at 200 bytes, language
//     tags at 35 bytes: longer input is rejected without parsing. National
//     and VAT identifiers over 64 bytes have no scheme's shape.
//   - No function of this package reads the network or the file system.
//
// # Concurrency
//
// Every function is safe for concurrent use, and so are [Localizer] and
// [Messages] values.
package validate
