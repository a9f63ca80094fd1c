//! Text search that forgives case and accents: "Rôle" finds "role", "ЁЛКА" finds "елка",
//! "қала" finds "кала".
//!
//! Folding is a small table of our own rather than Unicode normalisation (NFD): the
//! normalisation tables would add tens of kilobytes to the wasm for letters nobody types here.
//! The table covers Latin with diacritics (including Turkmen and Uzbek Latin), Russian and the
//! extra Cyrillic letters of Kazakh, Kyrgyz, Tajik and Uzbek.

/// Lower case without accents, and with runs of whitespace made one space.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(base_letter(lower_char(c)));
    }
    out
}

/// Lower case for the scripts of the region: Latin (with Latin-1 and Latin Extended-A, which hold
/// the Turkmen and Uzbek letters) and Cyrillic (with the letters of Kazakh, Kyrgyz, Tajik and
/// Uzbek). Other characters stay as they are. Arithmetic on the code point instead of
/// `char::to_lowercase`, whose tables for all of Unicode would travel with the cards page.
fn lower_char(c: char) -> char {
    let n = c as u32;
    let lower = match n {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x410..=0x42F => n + 0x20,
        0x400..=0x40F => n + 0x50,
        0x130 => 0x69,  // İ → i
        0x178 => 0xFF,  // Ÿ → ÿ
        0x4C0 => 0x4CF, // Ӏ → ӏ
        // Pairs with the capital at the even code point…
        0x100..=0x137 | 0x14A..=0x177 | 0x460..=0x481 | 0x48A..=0x4BF | 0x4D0..=0x52F
            if n.is_multiple_of(2) =>
        {
            n + 1
        }
        // …and with the capital at the odd one.
        0x139..=0x148 | 0x179..=0x17E | 0x4C1..=0x4CE if !n.is_multiple_of(2) => n + 1,
        _ => n,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// The plain letter under a lower-case letter with a diacritic; any other character unchanged.
fn base_letter(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        // Uzbek Latin writes oʻ and gʻ with a turned comma (or an apostrophe): both mean the letter.
        'ʻ' | 'ʼ' | '‘' | '’' => '\'',
        // Cyrillic: Russian, then Kazakh, Kyrgyz, Tajik and Uzbek letters to their nearest Russian one.
        'ё' => 'е',
        'й' | 'і' | 'ӣ' => 'и',
        'ә' => 'а',
        'ғ' => 'г',
        'қ' | 'ҡ' => 'к',
        'ң' => 'н',
        'ө' => 'о',
        'ұ' | 'ү' | 'ӯ' | 'ў' => 'у',
        'һ' | 'ҳ' => 'х',
        'ҷ' => 'ч',
        other => other,
    }
}

/// What a person typed into a search box, ready to match: every word must appear somewhere.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Query {
    words: Vec<String>,
}

impl Query {
    pub fn new(typed: &str) -> Query {
        Query {
            words: fold(typed)
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(String::from)
                .collect(),
        }
    }

    /// True when nothing was typed (everything matches).
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// Whether every word occurs in one of `texts` (each word may be in a different text).
    pub fn matches<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> bool {
        if self.is_empty() {
            return true;
        }
        let folded: Vec<String> = texts.into_iter().map(fold).collect();
        self.words
            .iter()
            .all(|word| folded.iter().any(|text| text.contains(word.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_case_and_accents() {
        assert_eq!(fold("Rôle  MODÈLE"), "role modele");
        assert_eq!(fold("ÉLÈVE Ñandú"), "eleve nandu");
        assert_eq!(fold("  leading\tand\ntrailing  "), "leading and trailing");
        assert_eq!(fold("Türkmen ýaşlar, oʻzbek"), "turkmen yaslar, o'zbek");
    }

    #[test]
    fn folding_handles_cyrillic_of_the_region() {
        assert_eq!(fold("ЁЛКА"), "елка");
        assert_eq!(fold("Отпуск по УХОДУ"), "отпуск по уходу");
        assert_eq!(
            fold("қала ғылым өмір ұл үй һәм ің"),
            "кала гылым омир ул уи хам ин"
        );
        assert_eq!(fold("ӣ ӯ ҳ ҷ"), "и у х ч");
        assert_eq!(fold("Ўзбек Йигит"), "узбек иигит");
    }

    #[test]
    fn lower_case_agrees_with_unicode_for_the_scripts_of_the_region() {
        let ranges = [0x20..0x250u32, 0x400..0x530];
        for n in ranges.into_iter().flatten() {
            let Some(c) = char::from_u32(n) else { continue };
            let mut std_lower = c.to_lowercase();
            let expected = match (std_lower.next(), std_lower.next()) {
                (Some(l), None) => l,
                // İ becomes "i̇" (two characters) in Unicode; for search, plain i.
                _ => 'i',
            };
            if (0x180..0x250).contains(&n) {
                // Latin Extended-B is not folded (no language of the region needs it).
                continue;
            }
            assert_eq!(lower_char(c), expected, "U+{n:04X} {c}");
        }
    }

    #[test]
    fn every_word_must_match_somewhere() {
        let texts = ["Parental leave", "A father takes time off"];
        assert!(Query::new("leave FATHER").matches(texts));
        assert!(Query::new("  ").matches(texts));
        assert!(Query::new("").is_empty());
        assert!(!Query::new("leave mother").matches(texts));
        assert!(Query::new("pàrent").matches(texts));
        assert!(Query::new("отпуск").matches(["Декретный ОТПУСК"]));
        assert!(!Query::new("x").matches(std::iter::empty()));
    }

    #[test]
    fn markup_and_odd_characters_are_just_text() {
        let q = Query::new("<script>");
        assert!(q.matches(["a <SCRIPT> tag"]));
        assert!(!q.matches(["script"]));
        assert!(Query::new("🙂").matches(["smile 🙂"]));
        assert!(Query::new("שלום").matches(["שלום עולם"]));
    }
}
