package validate

// This file is the message catalog's one source: the shipped languages and,
// for every message key, its params and its text in each of them. Adding a
// language is adding its tag to shippedLanguages and its text to every
// entry; TestMessageTable fails until every entry has it.
//
// Texts are in the placeholder syntax of caller catalogs (see
// [ParseMessages]): {name} is the issue param name, {{ and }} are literal
// braces. They follow one style: no subject (the caller shows the field
// beside the message), formal product-UI register, and never the rejected
// value. Where a language's noun agrees with the number before it (Polish
// znak/znaki/znaków), the text is worded so that no agreement is needed.

// shippedLanguages are the BCP 47 tags messages ship in, English (the
// fallback) first.
var shippedLanguages = []string{"en", "de", "fr", "es", "it", "nl", "pl", "sv"}

// messageText is one message key's entry.
type messageText struct {
	key Code
	// params are the issue params every shipped text uses, in the order of
	// the %[1]v, %[2]v, … of its printf form in [Catalog].
	params []string
	// more are further params of the issue that a caller's text may use
	// (the package doc lists them); shipped texts do not.
	more []string
	// text is the message in each of shippedLanguages.
	text texts
}

// texts is a message in each shipped language. It is a struct, not a map,
// so that the table is static data: a map literal of this size compiles
// to one long function that runs when the program starts, and the browser
// build's engine (V8) then spends a quarter of a second optimizing it
// beside the page's first calls.
type texts struct{ en, de, fr, es, it, nl, pl, sv string }

// get returns the text in the shipped language lang, "" for another one.
func (t *texts) get(lang string) string {
	switch lang {
	case "en":
		return t.en
	case "de":
		return t.de
	case "fr":
		return t.fr
	case "es":
		return t.es
	case "it":
		return t.it
	case "nl":
		return t.nl
	case "pl":
		return t.pl
	case "sv":
		return t.sv
	}
	return ""
}

// message returns the entry of the message key key, nil when there is
// none. The table is short; a linear search is as fast as a map's hash.
func message(key Code) *messageText {
	for i := range messageTable {
		if messageTable[i].key == key {
			return &messageTable[i]
		}
	}
	return nil
}

// messageTable holds every message key, in no particular order: each code, and variants of a code
// worded for particular params (codePostalCodeNone).
var messageTable = [...]messageText{
	{key: CodeInvalidJSON, text: texts{
		en: "is not valid JSON",
		de: "ist kein gültiges JSON",
		fr: "n'est pas du JSON valide",
		es: "no es un JSON válido",
		it: "non è un JSON valido",
		nl: "is geen geldige JSON",
		pl: "nie jest prawidłowym dokumentem JSON",
		sv: "är inte giltig JSON",
	}},
	{key: CodeTooLarge, params: []string{"max"}, text: texts{
		en: "is larger than {max} bytes",
		de: "ist größer als {max} Bytes",
		fr: "dépasse {max} octets",
		es: "supera el límite de {max} bytes",
		it: "supera il limite di {max} byte",
		nl: "is groter dan {max} bytes",
		pl: "przekracza limit {max} bajtów",
		sv: "är större än {max} byte",
	}},
	{key: CodeTooDeep, params: []string{"max"}, text: texts{
		en: "is nested deeper than {max} levels",
		de: "ist tiefer als {max} Ebenen verschachtelt",
		fr: "est imbriqué sur plus de {max} niveaux",
		es: "está anidado en más de {max} niveles",
		it: "è annidato su più di {max} livelli",
		nl: "is dieper genest dan {max} niveaus",
		pl: "przekracza limit {max} poziomów zagnieżdżenia",
		sv: "är nästlat djupare än {max} nivåer",
	}},
	{key: CodeWrongType, params: []string{"expected"}, text: texts{
		en: "must be of JSON type {expected}",
		de: "muss vom JSON-Typ {expected} sein",
		fr: "doit être de type JSON {expected}",
		es: "debe ser de tipo JSON {expected}",
		it: "deve essere di tipo JSON {expected}",
		nl: "moet van het JSON-type {expected} zijn",
		pl: "musi być typu JSON {expected}",
		sv: "måste vara av JSON-typen {expected}",
	}},
	{key: CodeUnknownField, text: texts{
		en: "is not a documented field of this format",
		de: "ist kein dokumentiertes Feld dieses Formats",
		fr: "n'est pas un champ documenté de ce format",
		es: "no es un campo documentado de este formato",
		it: "non è un campo documentato di questo formato",
		nl: "is geen gedocumenteerd veld van dit formaat",
		pl: "nie jest udokumentowanym polem tego formatu",
		sv: "är inte ett dokumenterat fält i detta format",
	}},
	{key: CodeRequired, text: texts{
		en: "is required",
		de: "ist erforderlich",
		fr: "est obligatoire",
		es: "es obligatorio",
		it: "è obbligatorio",
		nl: "is verplicht",
		pl: "jest wymagane",
		sv: "är obligatoriskt",
	}},
	{key: CodeOneOfRequired, params: []string{"fields"}, text: texts{
		en: "at least one of {fields} is required",
		de: "mindestens eines von {fields} ist erforderlich",
		fr: "au moins un des champs {fields} est obligatoire",
		es: "es obligatorio al menos uno de los campos {fields}",
		it: "è obbligatorio almeno uno dei campi {fields}",
		nl: "ten minste één van {fields} is verplicht",
		pl: "wymagane jest co najmniej jedno z pól {fields}",
		sv: "minst ett av fälten {fields} är obligatoriskt",
	}},
	{key: CodeTooShort, params: []string{"min"}, text: texts{
		en: "must be at least {min} characters long",
		de: "muss mindestens {min} Zeichen lang sein",
		fr: "doit comporter au moins {min} caractères",
		es: "debe tener al menos {min} caracteres",
		it: "deve contenere almeno {min} caratteri",
		nl: "moet minstens {min} tekens lang zijn",
		pl: "ma za mało znaków (minimum: {min})",
		sv: "måste ha minst {min} tecken",
	}},
	{key: CodeTooLong, params: []string{"max"}, text: texts{
		en: "must be at most {max} characters long",
		de: "darf höchstens {max} Zeichen lang sein",
		fr: "doit comporter au plus {max} caractères",
		es: "debe tener como máximo {max} caracteres",
		it: "deve contenere al massimo {max} caratteri",
		nl: "mag maximaal {max} tekens lang zijn",
		pl: "ma za dużo znaków (maksimum: {max})",
		sv: "får ha högst {max} tecken",
	}},
	{key: CodeInvalidFormat, params: []string{"format"}, text: texts{
		en: "does not have the expected format ({format})",
		de: "hat nicht das erwartete Format ({format})",
		fr: "n'a pas le format attendu ({format})",
		es: "no tiene el formato esperado ({format})",
		it: "non ha il formato previsto ({format})",
		nl: "heeft niet het verwachte formaat ({format})",
		pl: "nie ma oczekiwanego formatu ({format})",
		sv: "har inte det förväntade formatet ({format})",
	}},
	{key: CodeInvalidEmail, text: texts{
		en: "is not a valid e-mail address",
		de: "ist keine gültige E-Mail-Adresse",
		fr: "n'est pas une adresse e-mail valide",
		es: "no es una dirección de correo electrónico válida",
		it: "non è un indirizzo e-mail valido",
		nl: "is geen geldig e-mailadres",
		pl: "nie jest prawidłowym adresem e-mail",
		sv: "är inte en giltig e-postadress",
	}},
	{key: CodeInvalidPhone, more: []string{"reason"}, text: texts{
		en: "is not a valid, complete phone number",
		de: "ist keine gültige, vollständige Telefonnummer",
		fr: "n'est pas un numéro de téléphone valide et complet",
		es: "no es un número de teléfono válido y completo",
		it: "non è un numero di telefono valido e completo",
		nl: "is geen geldig, volledig telefoonnummer",
		pl: "nie jest prawidłowym, pełnym numerem telefonu",
		sv: "är inte ett giltigt, fullständigt telefonnummer",
	}},
	{key: CodeNotMobile, text: texts{
		en: "is not a mobile phone number",
		de: "ist keine Mobilfunknummer",
		fr: "n'est pas un numéro de mobile",
		es: "no es un número de teléfono móvil",
		it: "non è un numero di cellulare",
		nl: "is geen mobiel telefoonnummer",
		pl: "nie jest numerem telefonu komórkowego",
		sv: "är inte ett mobilnummer",
	}},
	{key: CodeInvalidCountry, text: texts{
		en: "is not a known country",
		de: "ist kein bekanntes Land",
		fr: "n'est pas un pays connu",
		es: "no es un país conocido",
		it: "non è un paese noto",
		nl: "is geen bekend land",
		pl: "nie jest znanym krajem",
		sv: "är inte ett känt land",
	}},
	{key: CodeInvalidLanguage, text: texts{
		en: "is not a valid language tag",
		de: "ist kein gültiges Sprachkennzeichen",
		fr: "n'est pas une balise de langue valide",
		es: "no es una etiqueta de idioma válida",
		it: "non è un codice di lingua valido",
		nl: "is geen geldige taalcode",
		pl: "nie jest prawidłowym kodem języka",
		sv: "är inte en giltig språkkod",
	}},
	{key: CodeInvalidDate, text: texts{
		en: "is not a valid date (expected YYYY-MM-DD)",
		de: "ist kein gültiges Datum (erwartet JJJJ-MM-TT)",
		fr: "n'est pas une date valide (format attendu AAAA-MM-JJ)",
		es: "no es una fecha válida (formato esperado AAAA-MM-DD)",
		it: "non è una data valida (formato previsto AAAA-MM-GG)",
		nl: "is geen geldige datum (verwacht JJJJ-MM-DD)",
		pl: "nie jest prawidłową datą (oczekiwany format RRRR-MM-DD)",
		sv: "är inte ett giltigt datum (förväntat format ÅÅÅÅ-MM-DD)",
	}},
	{key: CodeDateInFuture, text: texts{
		en: "lies in the future",
		de: "liegt in der Zukunft",
		fr: "est dans le futur",
		es: "está en el futuro",
		it: "è nel futuro",
		nl: "ligt in de toekomst",
		pl: "jest datą z przyszłości",
		sv: "ligger i framtiden",
	}},
	{key: CodeImplausibleBirthDate, params: []string{"maxAge"}, text: texts{
		en: "is more than {maxAge} years ago",
		de: "liegt mehr als {maxAge} Jahre zurück",
		fr: "remonte à plus de {maxAge} ans",
		es: "se remonta a más de {maxAge} años atrás",
		it: "risale a più di {maxAge} anni fa",
		nl: "ligt meer dan {maxAge} jaar in het verleden",
		pl: "jest sprzed ponad {maxAge} lat",
		sv: "ligger mer än {maxAge} år tillbaka i tiden",
	}},
	{key: CodeInvalidPostalCode, params: []string{"country", "example"}, text: texts{
		en: "is not a valid postal code for {country} (for example {example})",
		de: "ist keine gültige Postleitzahl für {country} (zum Beispiel {example})",
		fr: "n'est pas un code postal valide pour {country} (par exemple {example})",
		es: "no es un código postal válido para {country} (por ejemplo, {example})",
		it: "non è un codice postale valido per {country} (ad esempio {example})",
		nl: "is geen geldige postcode voor {country} (bijvoorbeeld {example})",
		pl: "nie jest prawidłowym kodem pocztowym dla kraju {country} (na przykład {example})",
		sv: "är inte ett giltigt postnummer för {country} (till exempel {example})",
	}},
	// The variant for a country that uses no postal codes (no example).
	{key: codePostalCodeNone, params: []string{"country"}, text: texts{
		en: "is a postal code, but {country} uses none",
		de: "ist eine Postleitzahl, aber {country} verwendet keine",
		fr: "est un code postal, mais {country} n'en utilise pas",
		es: "es un código postal, pero {country} no utiliza códigos postales",
		it: "è un codice postale, ma {country} non ne utilizza",
		nl: "is een postcode, maar {country} gebruikt geen postcodes",
		pl: "jest kodem pocztowym, ale kraj {country} nie używa kodów pocztowych",
		sv: "är ett postnummer, men {country} använder inga postnummer",
	}},
	{key: CodeInvalidID, params: []string{"format"}, text: texts{
		en: "is not a valid identifier (expected {format})",
		de: "ist keine gültige Kennung (erwartet {format})",
		fr: "n'est pas un identifiant valide (attendu {format})",
		es: "no es un identificador válido (se espera {format})",
		it: "non è un identificativo valido (atteso {format})",
		nl: "is geen geldige identificatiecode (verwacht {format})",
		pl: "nie jest prawidłowym identyfikatorem (oczekiwano {format})",
		sv: "är inte en giltig identifierare (förväntat {format})",
	}},
	{key: CodeForbiddenCharacters, text: texts{
		en: "contains control or invisible formatting characters",
		de: "enthält Steuer- oder unsichtbare Formatierungszeichen",
		fr: "contient des caractères de contrôle ou de mise en forme invisibles",
		es: "contiene caracteres de control o de formato invisibles",
		it: "contiene caratteri di controllo o di formattazione invisibili",
		nl: "bevat stuurtekens of onzichtbare opmaaktekens",
		pl: "zawiera znaki sterujące lub niewidoczne znaki formatowania",
		sv: "innehåller styrtecken eller osynliga formateringstecken",
	}},
	{key: CodePhoneNotAssigned, text: texts{
		en: "is a complete number in a range that is not assigned",
		de: "ist eine vollständige Nummer aus einem nicht vergebenen Bereich",
		fr: "est un numéro complet dans une plage non attribuée",
		es: "es un número completo de un rango no asignado",
		it: "è un numero completo in un intervallo non assegnato",
		nl: "is een volledig nummer uit een niet-toegewezen nummerreeks",
		pl: "jest pełnym numerem z nieprzydzielonego zakresu numeracji",
		sv: "är ett fullständigt nummer i en nummerserie som inte har tilldelats",
	}},
	{key: CodeNotSplit, params: []string{"rule"}, text: texts{
		en: "was kept whole because it could not be split unambiguously ({rule})",
		de: "wurde unverändert übernommen, weil es sich nicht eindeutig aufteilen ließ ({rule})",
		fr: "a été conservé tel quel faute de pouvoir le découper sans ambiguïté ({rule})",
		es: "se ha conservado entero porque no se pudo dividir de forma inequívoca ({rule})",
		it: "è stato mantenuto intero perché non è stato possibile suddividerlo in modo univoco ({rule})",
		nl: "is niet gesplitst, omdat dat niet eenduidig mogelijk was ({rule})",
		pl: "pozostawiono w całości, ponieważ nie udało się jednoznacznie ustalić podziału ({rule})",
		sv: "behölls odelat eftersom det inte kunde delas upp entydigt ({rule})",
	}},
	{key: CodeSchema, params: []string{"keyword"}, text: texts{
		en: "does not satisfy the schema rule {keyword}",
		de: "erfüllt die Schemaregel {keyword} nicht",
		fr: "ne respecte pas la règle de schéma {keyword}",
		es: "no cumple la regla de esquema {keyword}",
		it: "non rispetta la regola di schema {keyword}",
		nl: "voldoet niet aan de schemaregel {keyword}",
		pl: "nie spełnia reguły schematu {keyword}",
		sv: "uppfyller inte schemaregeln {keyword}",
	}},
	{key: CodeInvalidEncoding, text: texts{
		en: "is not valid text (invalid UTF-8 or a lone surrogate)",
		de: "ist kein gültiger Text (ungültiges UTF-8 oder ein einzelnes Surrogat)",
		fr: "n'est pas un texte valide (UTF-8 invalide ou substitut isolé)",
		es: "no es un texto válido (UTF-8 no válido o un sustituto aislado)",
		it: "non è un testo valido (UTF-8 non valido o un surrogato isolato)",
		nl: "is geen geldige tekst (ongeldige UTF-8 of een los surrogaat)",
		pl: "nie jest prawidłowym tekstem (nieprawidłowe kodowanie UTF-8 lub pojedynczy surogat)",
		sv: "är inte giltig text (ogiltig UTF-8 eller ett ensamt surrogat)",
	}},
	{key: CodeTooManyIssues, params: []string{"omitted"}, text: texts{
		en: "has too many issues: {omitted} more were left out",
		de: "hat zu viele Probleme: {omitted} weitere wurden ausgelassen",
		fr: "comporte trop de problèmes : {omitted} autres ont été omis",
		es: "tiene demasiados problemas: se han omitido otros {omitted}",
		it: "presenta troppi problemi: altri {omitted} sono stati omessi",
		nl: "heeft te veel problemen: nog {omitted} zijn weggelaten",
		pl: "ma zbyt wiele problemów; liczba pominiętych: {omitted}",
		sv: "har för många problem: ytterligare {omitted} har utelämnats",
	}},
	{key: CodeBirthDateMismatch, more: []string{"scheme"}, text: texts{
		en: "encodes another birth date than the record's",
		de: "enthält ein anderes Geburtsdatum als der Datensatz",
		fr: "contient une autre date de naissance que celle de la fiche",
		es: "contiene una fecha de nacimiento distinta de la del registro",
		it: "contiene una data di nascita diversa da quella del record",
		nl: "bevat een andere geboortedatum dan die van het record",
		pl: "zawiera inną datę urodzenia niż podana w rekordzie",
		sv: "anger ett annat födelsedatum än det som finns i posten",
	}},
}
