use super::*;
use crate::model::custom_cards::{CustomAreas, MAX_QUESTIONS};

const BUILT_IN: [(&str, &str); 2] = [
    ("family", "Gender and family life"),
    ("economy", "Gender and economic development"),
];

fn known() -> Vec<&'static str> {
    BUILT_IN.iter().map(|(id, _)| *id).collect()
}

fn card(id: &str, topic: &str) -> CustomCard {
    CustomCard {
        id: id.into(),
        area: "family".into(),
        topic: topic.into(),
        example: "An example, with a comma and \"quotes\".".into(),
        questions: vec!["Who decides?".into(), "What would change?".into()],
        content_note: String::new(),
        lang: "en".into(),
        based_on: Some("parental-leave".into()),
        updated_at: 1_764_000_000_000,
    }
}

fn sport() -> CustomArea {
    CustomArea {
        id: "my-area-sport".into(),
        name: "Sport".into(),
    }
}

fn sample() -> CardFile {
    let mut hostile = card("my-2", "<script>alert(1)</script> Отпуск по уходу");
    hostile.area = sport().id;
    hostile.example = "=HYPERLINK(\"http://x\")\nline two\r\nline three".into();
    hostile.questions = vec![
        "-1+1?".into(),
        "@home, or not?".into(),
        "Ёлка 🙂 שלום?".into(),
    ];
    hostile.content_note = "Before: a note".into();
    card_file(&[sport()], &[card("my-1", "Holidays"), hostile])
}

#[test]
fn json_round_trips() {
    let file = sample();
    let text = to_json(&file);
    assert!(text.contains("\"format\": \"think-plan-act/cards\""));
    assert_eq!(from_json(&text, &known()), Ok(file));
}

#[test]
fn only_the_areas_in_use_travel() {
    let other = CustomArea {
        id: "my-area-unused".into(),
        name: "Unused".into(),
    };
    let file = card_file(&[sport(), other], &[card("my-1", "A")]);
    assert!(file.areas.is_empty());
}

#[test]
fn csv_round_trips_with_bom_crlf_and_formula_guard() {
    let file = sample();
    let name = |id: &str| {
        BUILT_IN
            .iter()
            .find(|(i, _)| *i == id)
            .map(|(_, n)| n.to_string())
            .unwrap_or_else(|| "Sport".into())
    };
    let csv = to_csv(&file, name);
    assert!(csv.starts_with('\u{feff}'), "BOM for Excel");
    assert!(csv.starts_with(
        "\u{feff}id,theme,topic,example,questions,content_note,language,based_on\r\n"
    ));
    assert!(
        csv.contains("\"'=HYPERLINK(\"\"http://x\"\")"),
        "a formula is defused: {csv}"
    );
    assert!(csv.contains("'-1+1?"));

    let areas: Vec<(&str, &str)> = BUILT_IN
        .iter()
        .copied()
        .chain([("my-area-sport", "Sport")])
        .collect();
    let back = from_csv(&csv, &areas, 5, "en").expect("reads back");
    // A spreadsheet has no dates: an imported row is dated by its import.
    let mut expected = file.cards.clone();
    expected.iter_mut().for_each(|c| c.updated_at = 5);
    assert_eq!(back.cards, expected);
    assert!(back.areas.is_empty(), "Sport is known by name");
}

#[test]
fn csv_from_a_spreadsheet_gets_ids_and_new_themes() {
    // Written by hand: other column order, semicolons, no id, a new theme, a blank last line.
    let csv = "Topic;Questions;Theme\nFathers at school;\"Who goes to meetings?\nWhy?\";Schools\n\
               Chores;Who cleans?;gender and family life\n;;\n";
    let file = from_csv(csv, &BUILT_IN, 1_000, "ru").expect("reads");
    assert_eq!(file.cards.len(), 2);
    assert_eq!(file.areas.len(), 1);
    assert_eq!(file.areas[0].name, "Schools");
    assert_eq!(file.cards[0].area, file.areas[0].id);
    assert_eq!(file.cards[0].questions, ["Who goes to meetings?", "Why?"]);
    assert_eq!(file.cards[1].area, "family", "matched by name, any case");
    assert_eq!(file.cards[0].lang, "ru");
    assert_ne!(file.cards[0].id, file.cards[1].id);
    assert!(file.cards.iter().all(|c| c.id.starts_with("my-")));
}

#[test]
fn csv_parser_follows_rfc_4180() {
    let rows = parse_csv("a,\"b,c\",\"d\"\"e\"\r\n\"multi\nline\",,x").unwrap();
    assert_eq!(
        rows,
        [vec!["a", "b,c", "d\"e"], vec!["multi\nline", "", "x"]]
    );
    assert!(matches!(
        parse_csv("\"never closed"),
        Err(ImportError::Unreadable(_))
    ));
}

#[test]
fn csv_without_the_needed_columns_is_not_cards() {
    assert_eq!(
        from_csv("name,age\nA,3\n", &BUILT_IN, 1, "en"),
        Err(ImportError::NotCards)
    );
    assert_eq!(from_csv("", &BUILT_IN, 1, "en"), Err(ImportError::NoCards));
    assert_eq!(
        from_csv("topic,questions\n", &BUILT_IN, 1, "en"),
        Err(ImportError::NoCards)
    );
    // A row without a topic names its card.
    assert!(matches!(
        from_csv("topic,questions,theme\n,Why?,family\n", &BUILT_IN, 1, "en"),
        Err(ImportError::BadCard {
            index: 1,
            problem: CardProblem::NoTopic
        })
    ));
}

#[test]
fn hostile_json_is_refused_with_a_reason() {
    let k = known();
    assert_eq!(from_json("", &k), Err(ImportError::NoCards));
    assert!(matches!(
        from_json("not json at all", &k),
        Err(ImportError::Unreadable(_))
    ));
    assert!(matches!(
        from_json("\u{89}PNG\r\n\u{1a}\n", &k),
        Err(ImportError::Unreadable(_))
    ));
    assert_eq!(from_json("[1,2,3]", &k), Err(ImportError::NotCards));
    assert_eq!(from_json("{\"cards\":[]}", &k), Err(ImportError::NotCards));
    assert_eq!(
        from_json(
            "{\"format\":\"think-plan-act/cards\",\"version\":2,\"cards\":[]}",
            &k
        ),
        Err(ImportError::NewerVersion { found: 2, known: 1 })
    );
    assert_eq!(
        from_json(
            "{\"format\":\"think-plan-act/cards\",\"version\":1,\"cards\":[]}",
            &k
        ),
        Err(ImportError::NoCards)
    );
    // Wrong types.
    assert!(matches!(
        from_json(
            "{\"format\":\"think-plan-act/cards\",\"version\":1,\"cards\":[{\"questions\":\"x\"}]}",
            &k
        ),
        Err(ImportError::Unreadable(_))
    ));
    // Deep nesting (up to what fits in 2 MB) ends in a refusal, never in a stack overflow.
    for depth in [10_000, 900_000] {
        let nest = |at: &str| {
            format!(
                "{{\"format\":\"think-plan-act/cards\",\"version\":1,{at}{}{}}}",
                "[".repeat(depth),
                "]".repeat(depth)
            )
        };
        assert!(
            matches!(
                from_json(&nest("\"cards\":"), &k),
                Err(ImportError::Unreadable(_))
            ),
            "nested in the cards, depth {depth}"
        );
        // Inside a field this build does not know, it is skipped; then there are no cards.
        let skipped = from_json(
            &format!("{}, \"cards\": []}}", nest("\"x\":").trim_end_matches('}')),
            &k,
        );
        assert!(
            matches!(
                skipped,
                Err(ImportError::NoCards | ImportError::Unreadable(_))
            ),
            "depth {depth}: {skipped:?}"
        );
    }
    // Cut off.
    let text = to_json(&sample());
    assert_eq!(
        from_json(&text[..text.len() / 2], &k),
        Err(ImportError::Truncated)
    );
}

#[test]
fn prototype_pollution_keys_are_just_ignored_fields() {
    let text = r#"{"format":"think-plan-act/cards","version":1,"__proto__":{"admin":true},
        "constructor":{"prototype":{"x":1}},
        "cards":[{"id":"my-1","area":"family","topic":"T","questions":["Q?"],"__proto__":{}}]}"#;
    let file = from_json(text, &known()).expect("the card itself is fine");
    assert_eq!(file.cards[0].topic, "T");
}

#[test]
fn limits_are_enforced_before_anything_is_stored() {
    let k = known();
    let big = "x".repeat(MAX_IMPORT_BYTES + 1);
    assert!(matches!(
        from_json(&big, &k),
        Err(ImportError::TooLarge { .. })
    ));
    assert!(matches!(
        from_csv(&big, &BUILT_IN, 1, "en"),
        Err(ImportError::TooLarge { .. })
    ));

    let many: Vec<CustomCard> = (0..MAX_IMPORT_CARDS + 1)
        .map(|i| card(&format!("my-{i}"), "T"))
        .collect();
    let text = to_json(&card_file(&[], &many));
    assert_eq!(
        from_json(&text, &k),
        Err(ImportError::TooManyCards {
            count: MAX_IMPORT_CARDS + 1,
            max: MAX_IMPORT_CARDS
        })
    );

    let mut long = card("my-1", "T");
    long.questions = vec!["Q?".into(); MAX_QUESTIONS + 1];
    assert!(matches!(
        from_json(&to_json(&card_file(&[], &[card("my-0", "ok"), long])), &k),
        Err(ImportError::BadCard { index: 2, .. })
    ));

    let twice = card_file(&[], &[card("my-1", "A"), card("my-1", "B")]);
    assert!(matches!(
        from_json(&to_json(&twice), &k),
        Err(ImportError::BadCard { index: 2, .. })
    ));

    let mut guidance_id = card("parental-leave", "A");
    guidance_id.based_on = None;
    assert!(matches!(
        from_json(&to_json(&card_file(&[], &[guidance_id])), &k),
        Err(ImportError::BadCard {
            problem: CardProblem::BadId,
            ..
        })
    ));

    let mut bad_area = sample();
    bad_area.areas[0].id = "family".into();
    assert!(matches!(
        from_json(&to_json(&bad_area), &k),
        Err(ImportError::BadArea { index: 1 })
    ));
}

#[test]
fn share_links_round_trip_and_refuse_what_is_too_big_or_cut() {
    let file = sample();
    let fragment = to_link_fragment(&file).expect("small enough");
    assert!(fragment.starts_with("cards="));
    assert!(
        fragment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.~%=".contains(&b)),
        "{fragment}"
    );
    assert_eq!(
        from_link_fragment(&format!("#{fragment}"), &known()),
        Ok(file.clone())
    );

    let many: Vec<CustomCard> = (0..60)
        .map(|i| card(&format!("my-{i}"), "A longer topic for the link"))
        .collect();
    let err = to_link_fragment(&card_file(&[], &many)).unwrap_err();
    assert!(err.chars > MAX_LINK_CHARS && err.max == MAX_LINK_CHARS);

    // Cut anywhere: a clear "cut off" (or unreadable), never a partial deck.
    for cut in [
        10,
        fragment.len() / 3,
        fragment.len() / 2,
        fragment.len() - 1,
    ] {
        let result = from_link_fragment(&fragment[..cut], &known());
        assert!(
            matches!(
                result,
                Err(ImportError::Truncated | ImportError::Unreadable(_) | ImportError::NotCards)
            ),
            "cut at {cut}: {result:?}"
        );
    }
    assert_eq!(
        from_link_fragment("#other=1", &known()),
        Err(ImportError::NotCards)
    );
    assert_eq!(decode_component("%D0%BE%"), None);
    assert_eq!(decode_component("a%20b").as_deref(), Some("a b"));
}

#[test]
fn preview_sorts_cards_into_new_changed_and_identical() {
    let here = vec![card("my-1", "Holidays"), card("my-3", "Old topic")];
    let mut changed = card("my-3", "New topic");
    changed.updated_at = 5;
    let mut same_but_newer = card("my-1", "Holidays");
    same_but_newer.updated_at = 99;
    let file = card_file(&[], &[same_but_newer, changed, card("my-9", "Fresh")]);
    let p = preview(file, &here, &CustomAreas::default(), &BUILT_IN);
    assert_eq!(p.count(Incoming::Identical), 1);
    assert_eq!(p.count(Incoming::Changed), 1);
    assert_eq!(p.count(Incoming::New), 1);
    let ids = |cards: Vec<CustomCard>| cards.into_iter().map(|c| c.id).collect::<Vec<_>>();
    assert_eq!(
        ids(p.to_store(false)),
        ["my-9"],
        "changed cards only when asked"
    );
    assert_eq!(ids(p.to_store(true)), ["my-3", "my-9"]);
}

#[test]
fn preview_merges_areas_of_the_same_name() {
    let mut here = CustomAreas::default();
    here.areas.push(CustomArea {
        id: "my-area-mine".into(),
        name: "SPORT".into(),
    });
    let p = preview(sample(), &[], &here, &BUILT_IN);
    assert!(p.new_areas.is_empty());
    assert_eq!(p.cards[1].0.area, "my-area-mine");

    let p = preview(sample(), &[], &CustomAreas::default(), &BUILT_IN);
    assert_eq!(p.new_areas, [sport()]);
    assert_eq!(p.cards[1].0.area, "my-area-sport");
}

#[test]
fn a_picked_file_is_read_by_its_name_or_its_first_character() {
    let areas: Vec<(String, String)> = BUILT_IN
        .iter()
        .map(|(i, n)| (i.to_string(), n.to_string()))
        .collect();
    let json = to_json(&card_file(&[], &[card("my-1", "A")]));
    let csv = "topic,questions,theme\nB,Why?,family\n";
    assert_eq!(
        read_card_file("DECK.JSON", &json, &areas, 1, "en").map(|f| f.cards.len()),
        Ok(1)
    );
    assert_eq!(
        read_card_file("deck.csv", csv, &areas, 1, "en").map(|f| f.cards[0].topic.clone()),
        Ok("B".into())
    );
    // No telling name: JSON starts with `{` (after a byte order mark), anything else is CSV.
    assert!(read_card_file("download", &format!("\u{feff} {json}"), &areas, 1, "en").is_ok());
    assert!(read_card_file("download", csv, &areas, 1, "en").is_ok());
    // A JSON file named .csv is read as CSV, and says it holds no cards.
    assert_eq!(
        read_card_file("deck.csv", &json, &areas, 1, "en"),
        Err(ImportError::NotCards)
    );
}
